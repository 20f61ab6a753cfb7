using System.Net;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Web.Auth.Accounts;
using EmployeeDirectory.Web.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace EmployeeDirectory.Web.Auth.SignIn;

/// <summary>
/// Signs a person in with email and password through Identity (its password check), after the per-client throttle,
/// the per-account-and-client back-off and the demo account rule. Wrong passwords never lock an account: they slow
/// the client that sends them (<see cref="SignInBackoff"/>), so nobody can keep the owner out. An unknown account, a
/// wrong password, an account an admin locked and a demo account outside Development all get the same answer and
/// cost the same password hash, so neither the message nor the time taken tells whether an email has an account.
/// The email is logged made safe (<see cref="LogSafe"/>); refusals of throttled attempts are logged sampled.
/// </summary>
internal sealed partial class PasswordSignIn(
    SignInManager<DirectoryUser> signIn,
    SignInThrottle throttle,
    SignInBackoff backoff,
    SignInRefusalLog refusals,
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
        if ((throttle.TryAttempt(address) ?? backoff.WaitFor(email, address)) is { } wait)
        {
            if (refusals.Sampler.ShouldLog(out var suppressed))
            {
                Log.Throttled(logger, new SafeLogText(email), ClientPartition.Of(address), suppressed);
            }

            return Answer(new SignInAttemptResult(SignInOutcome.Throttled, TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds))));
        }

        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(email);
        var refusal = user is null ? "no such account"
            : !environment.IsDevelopment() && DemoAccounts.IsDemo(email) ? $"a demo account, refused in {environment.EnvironmentName}"
            : await users.IsLockedOutAsync(user) ? "the account is locked by an admin"
            : null;
        if (refusal is not null)
        {
            // Spend what a password check costs, so this answer takes as long as a wrong password's.
            users.PasswordHasher.VerifyHashedPassword(user ?? new DirectoryUser(), user?.PasswordHash ?? DecoyHash.Value, password);
            backoff.Failed(email, address);
            Log.Refused(logger, new SafeLogText(email), refusal);
            return Answer(new SignInAttemptResult(SignInOutcome.Refused));
        }

        var result = await signIn.PasswordSignInAsync(user!, password, remember, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            backoff.Succeeded(email, address);
            Log.SignedIn(logger, new SafeLogText(email));
            return Answer(new SignInAttemptResult(SignInOutcome.SignedIn));
        }

        backoff.Failed(email, address);
        Log.Refused(logger, new SafeLogText(email), "wrong password");
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
        public static partial void SignedIn(ILogger logger, SafeLogText email);

        [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Refused sign-in for {Email}: {Reason}")]
        public static partial void Refused(ILogger logger, SafeLogText email, string reason);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Warning,
            Message = "Throttled sign-in for {Email} from {Client}: over RateLimits:SignIn:PerMinute or backing off after wrong passwords ({Suppressed} more since the last of these lines)")]
        public static partial void Throttled(ILogger logger, SafeLogText email, string client, long suppressed);
    }
}
