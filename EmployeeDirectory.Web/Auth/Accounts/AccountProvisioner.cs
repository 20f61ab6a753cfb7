using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Web.Auth.Accounts;

/// <summary>
/// Creates roles and accounts through Identity, so every password rule and the lockout settings apply.
/// Safe to run on several servers at once: a creation another server won is treated as done. The context
/// is the scoped one Identity's stores use, so a refused insert can be forgotten before going on.
/// </summary>
internal sealed partial class AccountProvisioner(
    UserManager<DirectoryUser> users, RoleManager<IdentityRole> roles, DirectoryDbContext db, SignIn.SignInBackoff backoff, ILogger<AccountProvisioner> logger)
{
    public static IReadOnlyList<string> AllRoles { get; } = [DirectoryRoles.Admin, DirectoryRoles.Employee];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in AllRoles)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            IdentityResult created;
            try
            {
                created = await roles.CreateAsync(new IdentityRole(role));
            }
            catch (DbUpdateException)
            {
                // Another server may have created it a moment ago (the unique name index refused ours).
                db.ChangeTracker.Clear();
                created = IdentityResult.Failed(new IdentityError { Description = "The role could not be saved." });
            }

            if (!created.Succeeded && !await roles.RoleExistsAsync(role))
            {
                throw new InvalidOperationException($"Could not create the {role} role: {Describe(created)}");
            }
        }
    }

    /// <summary>
    /// Makes sure an account with <paramref name="email"/> exists and has <paramref name="role"/>. A missing
    /// account is created with <paramref name="password"/> (required then); an existing one keeps its password.
    /// </summary>
    public async Task<AccountResult> EnsureAccountAsync(string email, string? password, string role)
    {
        if (!AccountEmail.IsValid(email))
        {
            return AccountResult.Failed([$"'{email}' is not an email address."]);
        }

        email = email.Trim();
        var change = AccountChange.Unchanged;
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            if (string.IsNullOrEmpty(password))
            {
                return AccountResult.Failed([$"There is no account for {email}, and no password was given to create one."]);
            }

            user = new DirectoryUser { UserName = email, Email = email, EmailConfirmed = true };
            try
            {
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded)
                {
                    return AccountResult.Failed(created.Errors.Select(error => error.Description));
                }

                change = AccountChange.Created;
            }
            catch (DbUpdateException)
            {
                // Another server may have created the same account a moment ago (the unique index refused ours).
                db.ChangeTracker.Clear();
                user = await users.FindByEmailAsync(email)
                    ?? throw new InvalidOperationException($"The account {email} could not be saved.");
            }
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            var granted = await users.AddToRoleAsync(user, role);
            if (!granted.Succeeded)
            {
                return AccountResult.Failed(granted.Errors.Select(error => error.Description));
            }

            change = change == AccountChange.Created ? AccountChange.Created : AccountChange.RoleGranted;
        }

        return AccountResult.Of(change);
    }

    public async Task<bool> AnyAdminAsync() => (await users.GetUsersInRoleAsync(DirectoryRoles.Admin)).Count > 0;

    /// <summary>
    /// Ends a lockout and clears the failed attempts; <paramref name="unlockedBy"/> is logged. False when
    /// no account has <paramref name="email"/>.
    /// </summary>
    public async Task<bool> UnlockAsync(string email, string unlockedBy)
    {
        var user = AccountEmail.IsValid(email) ? await users.FindByEmailAsync(email.Trim()) : null;
        if (user is null)
        {
            return false;
        }

        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        backoff.Forget(email);
        Log.Unlocked(logger, user.Email, unlockedBy);
        return true;
    }

    /// <summary>The demo accounts in this database (see <see cref="DemoAccounts"/>), by email.</summary>
    public Task<List<string>> DemoAccountEmailsAsync(CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking()
            .Where(user => user.NormalizedEmail != null && user.NormalizedEmail.EndsWith(DemoAccounts.NormalizedSuffix))
            .OrderBy(user => user.NormalizedEmail)
            .Select(user => user.Email!)
            .ToListAsync(cancellationToken);

    /// <summary>Deletes every demo account (with its roles, through Identity). Returns the emails deleted.</summary>
    public async Task<IReadOnlyList<string>> RemoveDemoAccountsAsync(CancellationToken cancellationToken = default)
    {
        var removed = new List<string>();
        foreach (var email in await DemoAccountEmailsAsync(cancellationToken))
        {
            if (await users.FindByEmailAsync(email) is { } user)
            {
                Check(await users.DeleteAsync(user));
                removed.Add(email);
            }
        }

        return removed;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The account could not be changed: {Describe(result)}");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Account {Email} unlocked by {UnlockedBy}")]
        public static partial void Unlocked(ILogger logger, string? email, string unlockedBy);
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(error => error.Description));
}
