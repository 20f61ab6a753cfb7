using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Employees;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>
/// Creates, lists, revokes and checks API keys. Only hashes are stored; a key is looked up by its hash
/// and the stored hash is then compared in constant time. Revocation keeps the row (who, when) and
/// takes effect on the next request on every server, because every request reads the database.
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

        var role = CanonicalRole(draft.Role);
        if (role is null)
        {
            errors["role"] = [$"Role is required: {DirectoryRoles.Admin} or {DirectoryRoles.Employee}."];
        }

        var employeeEmail = string.IsNullOrWhiteSpace(draft.EmployeeEmail) ? null : draft.EmployeeEmail.Trim();
        if (employeeEmail is not null)
        {
            if (role == DirectoryRoles.Admin)
            {
                errors["employeeEmail"] = ["Only an Employee key acts for one employee; an Admin key may act for anyone."];
            }
            else if (!AccountEmail.IsValid(employeeEmail))
            {
                errors["employeeEmail"] = ["Employee email must be a valid address, like name@example.com."];
            }
            else if (await links.FindEmployeeIdAsync(employeeEmail, cancellationToken) is null)
            {
                errors["employeeEmail"] = [$"No employee has the email {employeeEmail}."];
            }
        }

        if (errors.Count > 0)
        {
            return ServiceResult<ApiKeyCreated>.Invalid(errors);
        }

        var secret = ApiKeySecret.Generate();
        var key = NewKey(name!, role!, employeeEmail, secret, createdBy);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        Log.Created(logger, key.Id, key.Name, key.Role, createdBy);
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

    /// <summary>The caller a presented key stands for, or null when it is unknown or revoked.</summary>
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
                key.Id,
                key.Name,
                key.Role,
                key.KeyHash,
                EmployeeId = db.Employees
                    .Where(employee => key.NormalizedEmployeeEmail != null && employee.NormalizedEmail == key.NormalizedEmployeeEmail)
                    .Select(employee => (int?)employee.Id)
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);

        return match is not null && ApiKeySecret.Matches(match.KeyHash, hash)
            ? new ApiKeyCaller(match.Id, match.Name, match.Role, match.EmployeeId)
            : null;
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
            db.ApiKeys.Add(NewKey(SeedName, DirectoryRoles.Admin, employeeEmail: null, secret, SeedCreator));
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

    private ApiKey NewKey(string name, string role, string? employeeEmail, string secret, string createdBy) => new()
    {
        Name = name,
        Role = role,
        EmployeeEmail = employeeEmail,
        NormalizedEmployeeEmail = employeeEmail is null ? null : AccountEmail.Normalize(employeeEmail),
        KeyHash = ApiKeySecret.Hash(secret),
        Preview = ApiKeySecret.PreviewOf(secret),
        CreatedAt = time.GetUtcNow(),
        CreatedBy = createdBy,
    };

    private static string? CanonicalRole(string? role) => role?.Trim() switch
    {
        { } value when value.Equals(DirectoryRoles.Admin, StringComparison.OrdinalIgnoreCase) => DirectoryRoles.Admin,
        { } value when value.Equals(DirectoryRoles.Employee, StringComparison.OrdinalIgnoreCase) => DirectoryRoles.Employee,
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "API key {KeyId} ({Name}, role {Role}) created by {CreatedBy}")]
        public static partial void Created(ILogger logger, int keyId, string name, string role, string createdBy);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "API key {KeyId} ({Name}) revoked by {RevokedBy}")]
        public static partial void Revoked(ILogger logger, int keyId, string name, string revokedBy);
    }
}
