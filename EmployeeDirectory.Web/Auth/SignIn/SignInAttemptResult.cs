namespace EmployeeDirectory.Web.Auth.SignIn;

/// <summary>How a sign-in attempt ended and, when throttled, how long to wait before the next.</summary>
public sealed record SignInAttemptResult(SignInOutcome Outcome, TimeSpan? RetryAfter = null);
