namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>
/// How fast callers may go, bound from the <c>RateLimits</c> section and checked at start-up. The same
/// defaults hold in every environment; 0 turns a limit off (load tests turn the API limit off explicitly).
/// Limits are counted by each server on its own, so behind N servers a caller gets up to N times as much.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public SignInLimitOptions SignIn { get; set; } = new();

    public ApiLimitOptions Api { get; set; } = new();

    public PresenceLimitOptions Presence { get; set; } = new();

    public ExportLimitOptions Export { get; set; } = new();
}

/// <summary>Status changes, by any way in (pages, API, keys), counted per account or key and per employee whose status it is.</summary>
public sealed class PresenceLimitOptions
{
    public const int MaxPerMinute = 10_000;

    /// <summary>
    /// Changes a minute one account or key may make to one employee's status. Default 10: a person sets their
    /// status a few times a day; a script toggling it in a loop is stopped after this many. 0 turns it off.
    /// </summary>
    public int PerMinute { get; set; } = 10;
}

/// <summary>The CSV export: at most one at a time per caller, and a few at a time on each server.</summary>
public sealed class ExportLimitOptions
{
    public const int MaxPerReplica = 100;

    /// <summary>Exports this server writes at once, for everyone together. Default 2; at least 1.</summary>
    public int PerReplica { get; set; } = 2;
}

/// <summary>Sign-in attempts (the login form's POST), counted per client address (an IPv6 one by its /64).</summary>
public sealed class SignInLimitOptions
{
    public const int MaxPerMinute = 10_000;

    /// <summary>
    /// Attempts a minute from one client, at any accounts. Default 10: wrong passwords at one account from one
    /// client are slowed further by the sign-in back-off, so this mostly slows a guesser spreading over many
    /// accounts. 0 turns it off.
    /// </summary>
    public int PerMinute { get; set; } = 10;
}

/// <summary>
/// The JSON API (everything under <c>/api</c> and the OpenAPI document), a token bucket per API key or
/// signed-in account (per client address for callers without one).
/// </summary>
public sealed class ApiLimitOptions
{
    public const int MaxPerSecond = 100_000;

    /// <summary>Tokens added to each caller's bucket every second: the sustained rate. Default 20; 0 turns the API limit off.</summary>
    public int PerSecond { get; set; } = 20;

    /// <summary>How many tokens the bucket holds: the most requests a rested caller may send at once. Default 40; at least <see cref="PerSecond"/>.</summary>
    public int Burst { get; set; } = 40;
}
