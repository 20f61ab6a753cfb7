namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// Where the app keeps the cache's generation: a number stored with the data. Keys carry it, so moving to a
/// new one (after seeding, a restore, or an operator's reset) means nothing cached by an earlier life of the
/// data is ever read again.
/// </summary>
public interface ICacheGenerations
{
    /// <summary>The generation the data is in now.</summary>
    Task<long> CurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves the data to a new generation, above <paramref name="atLeastAbove"/> too; returns it.</summary>
    Task<long> AdvanceAsync(long atLeastAbove, CancellationToken cancellationToken = default);
}
