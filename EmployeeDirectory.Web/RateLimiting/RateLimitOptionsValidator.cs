using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>Start-up checks of the <c>RateLimits</c> section.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SignIn.PerMinute is < 0 or > SignInLimitOptions.MaxPerMinute)
        {
            failures.Add($"RateLimits:SignIn:PerMinute must be between 0 (off) and {SignInLimitOptions.MaxPerMinute}; it is {options.SignIn.PerMinute}.");
        }

        var api = options.Api;
        if (api.PerSecond is < 0 or > ApiLimitOptions.MaxPerSecond)
        {
            failures.Add($"RateLimits:Api:PerSecond must be between 0 (off) and {ApiLimitOptions.MaxPerSecond}; it is {api.PerSecond}.");
        }
        else if (api.PerSecond > 0 && (api.Burst < api.PerSecond || api.Burst > ApiLimitOptions.MaxPerSecond * 10))
        {
            failures.Add(
                $"RateLimits:Api:Burst must be at least RateLimits:Api:PerSecond ({api.PerSecond}) and at most {ApiLimitOptions.MaxPerSecond * 10}; it is {api.Burst}. "
                + "The bucket holds Burst requests and refills PerSecond of them every second.");
        }

        if (options.Presence.PerMinute is < 0 or > PresenceLimitOptions.MaxPerMinute)
        {
            failures.Add($"RateLimits:Presence:PerMinute must be between 0 (off) and {PresenceLimitOptions.MaxPerMinute}; it is {options.Presence.PerMinute}.");
        }

        if (options.Export.PerReplica is < 1 or > ExportLimitOptions.MaxPerReplica)
        {
            failures.Add($"RateLimits:Export:PerReplica must be between 1 and {ExportLimitOptions.MaxPerReplica}; it is {options.Export.PerReplica}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
