namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Sign-in settings, bound from the <c>Auth</c> section and validated at start-up. Empty strings count
/// as not set, so an environment can switch a value off.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Shortest accepted <see cref="SeedApiKey"/>: a key is only as good as its entropy.</summary>
    public const int MinSeedApiKeyLength = 32;

    /// <summary>
    /// Development only: an admin API key created from this value at start-up, so scripts and load
    /// tests can call the API (<c>X-Api-Key: {value}</c>). Outside Development it is ignored with a
    /// warning, and any key seeded earlier is revoked. A revoked seed key stays revoked: set a new value.
    /// At least <see cref="MinSeedApiKeyLength"/> characters.
    /// </summary>
    public string? SeedApiKey { get; set; }

    /// <summary>
    /// Development only: the password of the demo accounts seeded with the demo roster (one admin, three
    /// employees). Set in appsettings.Development.json; without it no demo account is created.
    /// </summary>
    public string? DemoPassword { get; set; }

    /// <summary>How long a sign-in lasts without activity (sliding). Default 12 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
