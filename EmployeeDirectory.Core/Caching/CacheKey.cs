namespace EmployeeDirectory.Core.Caching;

/// <summary>A full key (prefix included), built by <see cref="CacheKeySpace"/> from a <see cref="CacheKeyFamily{T}"/>.</summary>
/// <typeparam name="T">The cached value's type.</typeparam>
/// <param name="Name">The key as Redis and L1 know it.</param>
/// <param name="Family">The family it belongs to (policy and serialisation).</param>
public readonly record struct CacheKey<T>(string Name, CacheKeyFamily<T> Family)
    where T : class
{
    /// <summary>The policy the value lives by.</summary>
    public CachePolicy Policy => Family.Policy;
}
