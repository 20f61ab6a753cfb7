namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>The cache generation of this database (entity, a single row): keys carry it, so a new one never reads an older life's values.</summary>
public sealed class CacheGenerationRecord
{
    /// <summary>The only row's id.</summary>
    public const int SingleRowId = 1;

    /// <summary>Always <see cref="SingleRowId"/>.</summary>
    public int Id { get; set; } = SingleRowId;

    /// <summary>The current generation.</summary>
    public long Generation { get; set; } = 1;

    /// <summary>Set while seeding runs (Unix ms of its start): nothing read meanwhile may be cached.</summary>
    public long? SeedingSinceMs { get; set; }
}
