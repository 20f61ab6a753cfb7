using EmployeeDirectory.Web.RateLimiting;

namespace EmployeeDirectory.Web.Auth.SignIn;

/// <summary>The server-wide sampling of throttled sign-in log lines: anyone can send a flood of attempts.</summary>
internal sealed class SignInRefusalLog(TimeProvider time)
{
    public LogSampler Sampler { get; } = new(time, TimeSpan.FromSeconds(10));
}
