using System.Data.Common;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Employees;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>
/// Creates, lists, revokes and checks API keys. Only hashes are stored; a key is looked up by its hash
/// and the stored hash is then compared in constant time. Revocation keeps the row (who, when) and takes
/// effect on the next request on every server, because every request reads the database; so does expiry.
/// A key's last use is written at most once a minute per key and server.
/// </summary>
internal sealed partial class ApiKeyStore(
    IDbContextFactory<DirectoryDbContext> contexts,
    EmployeeAccountLinks links,
    TimeProvider time,
    ILogger<ApiKeyStore> logger)
{
    /// <summary>"Created by" of the Development seed key: no account can have this name, so it marks seeded keys.</summary>
    public const string SeedCreator = "configuration (Auth:SeedApiKey)";

    public const string SeedName = "Seed key (Auth:SeedApiKey)";

    /// <summary>Farthest ahead a key may be set to expire.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3653);

    /// <summary>How often one server writes a key's last use.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, DateTimeOffset> _lastUsedWritten = new();

    public async Task<ServiceResult<ApiKeyCreated>> CreateAsync(
        ApiKeyDraft draft, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        var name = draft.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["Name is required: say what the key is for, e.g. \"badge reader, 2nd floor\"."];
        }
        else if (name.Length > ApiKey.MaxNameLength)
        {
            errors["name"] = [$"Name must be at most {ApiKey.MaxNameLength} characters."];
        }
        else if (InvisibleCharacters.Describe(name, "Name") is { } hidden)
        {
            errors["name"] = [hidden];
        }

        var scopes = ScopesOf(draft, errors);
        var employeeEmail = string.IsNullOrWhiteSpace(draft.EmployeeEmail) ? null : draft.EmployeeEmail.Trim();
        if (employeeEmail is not null)
        {
            if (!AccountEmail.IsValid(employeeEmail))
            {
                errors["employeeEmail"] = ["Employee email must be a valid address, like name@example.com."];
            }
            else if (await links.FindEmployeeIdAsync(employeeEmail, cancellationToken) is null)
            {
                errors["employeeEmail"] = [$"No employee has the email {employeeEmail}."];
            }
        }

        var now = time.GetUtcNow();
        if (draft.ExpiresAt is { } expires && (expires <= now || expires > now + MaxLifetime))
        {
            errors["expiresAt"] = [expires <= now
                ? "The expiry must be in the future."
                : $"The expiry must be at most {MaxLifetime.TotalDays / 365.25:0} years ahead."];
        }

        if (errors.Count > 0)
        {
            return ServiceResult<ApiKeyCreated>.Invalid(errors);
        }

        var secret = ApiKeySecret.Generate();
        var key = NewKey(name!, scopes, employeeEmail, draft.ExpiresAt, secret, createdBy);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        Log.Created(logger, key.Id, key.Name, key.Scopes, key.ExpiresAt, createdBy);
        return ServiceResult<ApiKeyCreated>.Ok(new ApiKeyCreated(key, secret));
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(key => key.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes the key; revoking a revoked key changes nothing and still succeeds.</summary>
    public async Task<ServiceResult<ApiKey>> RevokeAsync(int id, string revokedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (key is null)
        {
            return ServiceResult<ApiKey>.NotFound();
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            key.RevokedBy = revokedBy;
            await db.SaveChangesAsync(cancellationToken);
            Log.Revoked(logger, key.Id, key.Name, revokedBy);
        }

        return ServiceResult<ApiKey>.Ok(key);
    }

    /// <summary>The caller a presented key stands for, or null when it is unknown, revoked or expired.</summary>
    public async Task<ApiKeyCaller?> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (presented.Length is 0 or > ApiKeySecret.MaxPresentedLength)
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(presented);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var match = await db.ApiKeys
            .AsNoTracking()
            .Where(key => key.KeyHash == hash && key.RevokedAt == null)
            .Select(key => new
            {
                Key = key,
                EmployeeId = db.Employees
                    .Where(employee => key.NormalizedEmployeeEmail != null && employee.NormalizedEmail == key.NormalizedEmployeeEmail)
                    .Select(employee => (int?)employee.Id)
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);

        var now = time.GetUtcNow();
        if (match is null || !ApiKeySecret.Matches(match.Key.KeyHash, hash) || match.Key.ExpiresAt <= now)
        {
            return null;
        }

        await NoteUseAsync(db, match.Key.Id, now, cancellationToken);
        return new ApiKeyCaller(match.Key.Id, match.Key.Name, ScopesOf(match.Key), match.EmployeeId);
    }

    /// <summary>
    /// Whether key <paramref name="keyId"/> still works and has <paramref name="scope"/>: not revoked, not expired
    /// (an open event stream asks this every few seconds, so a revocation ends it).
    /// </summary>
    public async Task<bool> IsActiveAsync(int keyId, string scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == keyId, cancellationToken);
        return key is { RevokedAt: null } && !(key.ExpiresAt <= time.GetUtcNow()) && ScopesOf(key).Contains(scope);
    }

    /// <summary>
    /// What a stored key may do: its scopes, or for a key written without them (created before scopes, or by a replica
    /// of the previous release during an upgrade) what its role allowed: Admin every scope, Employee <c>directory:read</c>.
    /// </summary>
    public static IReadOnlyList<string> ScopesOf(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!string.IsNullOrWhiteSpace(key.Scopes))
        {
            return ApiKeyScopes.Parse(key.Scopes);
        }

        return key.Role == DirectoryRoles.Admin ? ApiKeyScopes.All : [ApiKeyScopes.DirectoryRead];
    }

    /// <summary>
    /// Development: makes <paramref name="secret"/> an admin key if it is new, and revokes keys seeded from
    /// an earlier value. A key that was revoked (by an admin, or by a start outside Development) stays
    /// revoked: revocation is final, so the setting needs a new value.
    /// </summary>
    public async Task<SeedKeyState> SeedAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = ApiKeySecret.Hash(secret);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var earlierSeeds = await db.ApiKeys
            .Where(key => key.CreatedBy == SeedCreator && key.RevokedAt == null && key.KeyHash != hash)
            .ToListAsync(cancellationToken);
        foreach (var stale in earlierSeeds)
        {
            stale.RevokedAt = now;
            stale.RevokedBy = SeedCreator;
        }

        var current = await db.ApiKeys.FirstOrDefaultAsync(key => key.KeyHash == hash, cancellationToken);
        if (current is null)
        {
            db.ApiKeys.Add(NewKey(SeedName, ApiKeyScopes.All, employeeEmail: null, expiresAt: null, secret, SeedCreator));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (current is null)
        {
            // Another server seeded the same key a moment ago: the unique hash index kept one copy.
            return SeedKeyState.Active;
        }

        return current is null ? SeedKeyState.Created
            : current.RevokedAt is null ? SeedKeyState.Active
            : SeedKeyState.Revoked;
    }

    /// <summary>Outside Development: revokes every key that was seeded from configuration. Returns how many.</summary>
    public async Task<int> RevokeSeededAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var seeded = await db.ApiKeys.Where(key => key.CreatedBy == SeedCreator && key.RevokedAt == null).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var key in seeded)
        {
            key.RevokedAt = now;
            key.RevokedBy = SeedCreator;
        }

        await db.SaveChangesAsync(cancellationToken);
        return seeded.Count;
    }

    /// <summary>
    /// Outside Development: revokes every key a demo account created (they are refused at sign-in there, and their
    /// keys must not outlive that). Returns how many.
    /// </summary>
    public async Task<int> RevokeCreatedByDemoAccountsAsync(string revokedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var demo = await db.ApiKeys
            .Where(key => key.RevokedAt == null && EF.Functions.Like(key.CreatedBy, "%@" + Accounts.DemoAccounts.Domain))
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var key in demo)
        {
            key.RevokedAt = now;
            key.RevokedBy = revokedBy;
        }

        await db.SaveChangesAsync(cancellationToken);
        return demo.Count;
    }

    /// <summary>Writes the key's last use unless this server wrote it less than a minute ago; a failure here fails no request.</summary>
    private async Task NoteUseAsync(DirectoryDbContext db, int keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_lastUsedWritten.TryGetValue(keyId, out var written) && now - written < LastUsedResolution)
        {
            return;
        }

        _lastUsedWritten[keyId] = now;
        try
        {
            await db.ApiKeys.Where(key => key.Id == keyId).ExecuteUpdateAsync(set => set.SetProperty(key => key.LastUsedAt, now), cancellationToken);
        }
        catch (Exception error) when (error is DbException or DbUpdateException or InvalidOperationException)
        {
            Log.LastUseNotWritten(logger, keyId, error);
        }
    }

    private static IReadOnlyList<string> ScopesOf(ApiKeyDraft draft, Dictionary<string, string[]> errors)
    {
        if (draft.Scopes is { } scopes)
        {
            var unknown = scopes.Where(scope => !ApiKeyScopes.All.Contains(scope?.Trim(), StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0 || scopes.Count == 0)
            {
                errors["scopes"] = [unknown.Count > 0
                    ? $"Unknown scope(s): {string.Join(", ", unknown.Select(scope => $"'{scope}'"))}. A key's scopes are one or more of: {string.Join(", ", ApiKeyScopes.All)}."
                    : $"Give at least one scope: {string.Join(", ", ApiKeyScopes.All)}."];
                return [];
            }

            if (!string.IsNullOrWhiteSpace(draft.Role))
            {
                errors["role"] = ["Give scopes or the older role, not both."];
            }

            return ApiKeyScopes.Parse(ApiKeyScopes.Format(scopes.Select(scope => scope.Trim())));
        }

        switch (draft.Role?.Trim())
        {
            case { } role when role.Equals(DirectoryRoles.Admin, StringComparison.OrdinalIgnoreCase):
                return ApiKeyScopes.All;
            case { } role when role.Equals(DirectoryRoles.Employee, StringComparison.OrdinalIgnoreCase):
                return [ApiKeyScopes.DirectoryRead];
            default:
                errors["scopes"] = [$"Scopes are required: one or more of {string.Join(", ", ApiKeyScopes.All)}."];
                return [];
        }
    }

    private ApiKey NewKey(string name, IReadOnlyList<string> scopes, string? employeeEmail, DateTimeOffset? expiresAt, string secret, string createdBy) => new()
    {
        Name = name,
        Scopes = ApiKeyScopes.Format(scopes),

        // What a replica of the previous release reads: never more than the scopes allow.
        Role = scopes.Count == ApiKeyScopes.All.Count ? DirectoryRoles.Admin : DirectoryRoles.Employee,
        ExpiresAt = expiresAt,
        EmployeeEmail = employeeEmail,
        NormalizedEmployeeEmail = employeeEmail is null ? null : AccountEmail.Normalize(employeeEmail),
        KeyHash = ApiKeySecret.Hash(secret),
        Preview = ApiKeySecret.PreviewOf(secret),
        CreatedAt = time.GetUtcNow(),
        CreatedBy = createdBy,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "API key {KeyId} ({Name}, scopes {Scopes}, expires {ExpiresAt}) created by {CreatedBy}")]
        public static partial void Created(ILogger logger, int keyId, string name, string scopes, DateTimeOffset? expiresAt, string createdBy);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "The last use of API key {KeyId} could not be written")]
        public static partial void LastUseNotWritten(ILogger logger, int keyId, Exception error);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "API key {KeyId} ({Name}) revoked by {RevokedBy}")]
        public static partial void Revoked(ILogger logger, int keyId, string name, string revokedBy);
    }
}
