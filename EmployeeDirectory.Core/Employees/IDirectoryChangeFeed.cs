namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Raised in-process whenever cached employee data is invalidated, by a write on this server or a
/// message from another. Handlers run on a background thread: Blazor components marshal with
/// <c>InvokeAsync</c> and unsubscribe on dispose.
/// </summary>
public interface IDirectoryChangeFeed
{
    /// <summary>Raised for each batch of employees whose cached data changed.</summary>
    event EventHandler<DirectoryChangedEventArgs>? Changed;
}
