using System.Diagnostics.Metrics;
using EmployeeDirectory.Web.Auth.SignIn;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Sign-in and API key counters on the <c>EmployeeDirectory.Auth</c> Meter, exported on <c>/metrics</c>:
/// a rising refusal count is someone guessing, which a log line per guess would only drown.
/// </summary>
public sealed class AuthMetrics
{
    public const string MeterName = "EmployeeDirectory.Auth";

    private readonly Counter<long> _apiKeyRefusals;
    private readonly Counter<long> _signInAttempts;

    public AuthMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _apiKeyRefusals = meter.CreateCounter<long>(
            "auth.api_key.refusals", unit: "{request}", description: "Requests refused because their X-Api-Key is unknown or revoked.");
        _signInAttempts = meter.CreateCounter<long>(
            "auth.sign_in.attempts", unit: "{attempt}", description: "Sign-in form submissions, by outcome: signed_in, refused or throttled.");
    }

    public void ApiKeyRefused() => _apiKeyRefusals.Add(1);

    public void SignInAttempted(SignInOutcome outcome) =>
        _signInAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
        {
            SignInOutcome.SignedIn => "signed_in",
            SignInOutcome.Throttled => "throttled",
            _ => "refused",
        }));
}
