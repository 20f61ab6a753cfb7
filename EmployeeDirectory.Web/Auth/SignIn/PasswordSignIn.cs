using System.Net;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Web.Auth.Accounts;
using EmployeeDirectory.Web.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace EmployeeDirectory.Web.Auth.SignIn;

/// <summary>
/// Signs a person in with email and password through Identity (its password check and lockout), after
/// the throttle and the demo account rule. An unknown account, a wrong password, a locked account and a
/// demo account outside Development all get the same answer and cost the same password hash, so neither
/// the message nor the time taken tells whether an email has an account.
/// </summary>
internal sealed partial class PasswordSignIn(
    SignInManager<DirectoryUser> signIn,
    SignInThrottle throttle,
    IHostEnvironment environment,
    AuthMetrics metrics,
    ILogger<PasswordSignIn> logger)
{
    private static readonly Lazy<string> DecoyHash =
        new(() => new PasswordHasher<DirectoryUser>().HashPassword(new DirectoryUser(), Guid.NewGuid().ToString("N")));

    public async Task<SignInAttemptResult> SignInAsync(string email, string password, bool remember, IPAddress? address)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        email = email.Trim();
        if (throttle.TryAttempt(address, email) is { } wait)
        {
            Log.Throttled(logger, email, address?.ToString() ?? "unknown");
            return Answer(new SignInAttemptResult(SignInOutcome.Throttled, wait));
        }

        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(email);
        var refusal = user is null ? "no such account"
            : !environment.IsDevelopment() && DemoAccounts.IsDemo(email) ? $"a demo account, refused in {environment.EnvironmentName}"
            : await users.IsLockedOutAsync(user) ? "the account is locked out"
            : null;
        if (refusal is not null)
        {
            // Spend what a password check costs, so this answer takes as long as a wrong password's.
            users.PasswordHasher.VerifyHashedPassword(user ?? new DirectoryUser(), user?.PasswordHash ?? DecoyHash.Value, password);
            Log.Refused(logger, email, refusal);
            return Answer(new SignInAttemptResult(SignInOutcome.Refused));
        }

        var result = await signIn.PasswordSignInAsync(user!, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Log.SignedIn(logger, email);
            return Answer(new SignInAttemptResult(SignInOutcome.SignedIn));
        }

        Log.Refused(logger, email, result.IsLockedOut ? "wrong password; the account is now locked out" : "wrong password");
        return Answer(new SignInAttemptResult(SignInOutcome.Refused));
    }

    private SignInAttemptResult Answer(SignInAttemptResult result)
    {
        metrics.SignInAttempted(result.Outcome);
        return result;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "{Email} signed in")]
        public static partial void SignedIn(ILogger logger, string email);

        [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Refused sign-in for {Email}: {Reason}")]
        public static partial void Refused(ILogger logger, string email, string reason);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Throttled sign-in for {Email} from {Address}: over RateLimits:SignIn:PerMinute")]
        public static partial void Throttled(ILogger logger, string email, string address);
    }
}
