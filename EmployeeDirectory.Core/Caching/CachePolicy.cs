namespace EmployeeDirectory.Core.Caching;

/// <summary>The field policies: how long each kind of cached value may live. Declared in <see cref="DirectoryCacheContract"/>.</summary>
public enum CachePolicy
{
    /// <summary>Slow-changing fields (names, titles, departments) and everything derived from them. About a day.</summary>
    Profile = 0,

    /// <summary>Fast-changing In/Out status and everything derived from it. About a minute.</summary>
    Status = 1,
}
