namespace EmployeeDirectory.Core.Accounts;

/// <summary>
/// A key a non-browser client (a badge reader, a script) sends in the <c>X-Api-Key</c> header. Only the
/// SHA-256 hash of the key is stored; the key itself is shown once, when it is created. A key may do what
/// its <see cref="Scopes"/> allow (<see cref="ApiKeyScopes"/>), acts as the employee with <see cref="EmployeeEmail"/>
/// when it names one, and stops working when revoked or when <see cref="ExpiresAt"/> passes.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Longest accepted <see cref="Name"/>.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest stored role name.</summary>
    public const int MaxRoleLength = 32;

    /// <summary>Length of <see cref="Preview"/>: enough to tell keys apart, far too little to use one.</summary>
    public const int PreviewLength = 8;

    /// <summary>Size of <see cref="KeyHash"/> in bytes (SHA-256).</summary>
    public const int HashLength = 32;

    /// <summary>Longest email address (as for employees).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Database identity; the handle used to revoke the key.</summary>
    public int Id { get; set; }

    /// <summary>What the key is for ("badge reader, 2nd floor").</summary>
    public required string Name { get; set; }

    /// <summary>
    /// The role of keys from before scopes (Admin or Employee), still written for replicas of the previous release
    /// during a rolling upgrade: Admin only for a key with every scope. This release reads <see cref="Scopes"/>.
    /// </summary>
    public required string Role { get; set; }

    /// <summary>What the key may do: <see cref="ApiKeyScopes"/> separated by spaces (<see cref="ApiKeyScopes.Format"/>).</summary>
    public string Scopes { get; set; } = "";

    /// <summary>When the key stops working by itself; null for a key that works until revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When the key last authenticated a request (written at most once a minute per server); null if never.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>The email of the employee the key acts for, as given; null for a key that acts for nobody in particular.</summary>
    public string? EmployeeEmail { get; set; }

    /// <summary>Upper-invariant <see cref="EmployeeEmail"/>, matched against the employees' normalized email.</summary>
    public string? NormalizedEmployeeEmail { get; set; }

    /// <summary>SHA-256 of the key's UTF-8 text (unique).</summary>
    public required byte[] KeyHash { get; set; }

    /// <summary>The first characters of the key, so an admin can tell which key a client holds.</summary>
    public required string Preview { get; set; }

    /// <summary>When the key was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who created the key (an admin's user name, or the configuration for a seeded key).</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When the key was revoked; a revoked key authenticates nobody.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Who revoked the key; null while it is active.</summary>
    public string? RevokedBy { get; set; }
}
