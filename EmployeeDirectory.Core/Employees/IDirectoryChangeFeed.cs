namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Raised in-process for every change of directory data this server applies: a write here, a message from another
/// server, an outbox catch-up, or a back-at time passing. Changes come typed (<see cref="StatusChange"/>,
/// <see cref="ProfileChange"/>). Handlers run on the thread that applied the change and must be quick: hand work
/// elsewhere (Blazor pages through one dispatcher per server), never query from the handler.
/// </summary>
public interface IDirectoryChangeFeed
{
    /// <summary>Raised for each applied change.</summary>
    event EventHandler<DirectoryChangedEventArgs>? Changed;
}
