namespace EmployeeDirectory.Core.Accounts;

/// <summary>
/// What an API key may do, one scope per capability, so a device gets only what it needs: a badge reader
/// <see cref="PresenceWrite"/>, a phone-book sync <see cref="DirectoryRead"/>. No scope lets a key manage keys: only a
/// signed-in admin can.
/// </summary>
public static class ApiKeyScopes
{
    /// <summary>Search and read the directory: employees, departments, status history, roll call, CSV and vCard.</summary>
    public const string DirectoryRead = "directory:read";

    /// <summary>Set anyone's In/Out status (a badge reader). A key acting for one employee may set theirs without it.</summary>
    public const string PresenceWrite = "presence:write";

    /// <summary>Edit any employee's profile.</summary>
    public const string ProfileWrite = "profile:write";

    /// <summary>The admin API: cache reset and eviction stream, unlocking accounts, the OpenAPI document. Not key management.</summary>
    public const string Admin = "admin";

    /// <summary>Every scope, in the order they are listed.</summary>
    public static readonly IReadOnlyList<string> All = [DirectoryRead, PresenceWrite, ProfileWrite, Admin];

    /// <summary>Longest stored scope list (<see cref="ApiKey.Scopes"/>).</summary>
    public const int MaxStoredLength = 128;

    /// <summary>The scopes a stored list names (space-separated), unknown words left out.</summary>
    public static IReadOnlyList<string> Parse(string? stored) =>
        string.IsNullOrWhiteSpace(stored)
            ? []
            : [.. All.Where(scope => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal))];

    /// <summary>The stored form of <paramref name="scopes"/>: known scopes, each once, in <see cref="All"/>'s order.</summary>
    public static string Format(IEnumerable<string> scopes) => string.Join(' ', All.Where(scopes.Contains));
}
