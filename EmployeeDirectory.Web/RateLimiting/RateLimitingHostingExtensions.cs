using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter for the API (a global limiter that limits only API requests) and the
/// sign-in throttle the login form consults (it needs the submitted email, which only the form handler has).
/// </summary>
public static class RateLimitingHostingExtensions
{
    public static WebApplicationBuilder AddDirectoryRateLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = ApiRateLimiter.Create(limits.Value.Api);
            limiter.OnRejected = RateLimitRejections.WriteApiProblemAsync;
        });

        services.AddSingleton<SignInThrottle>();
        return builder;
    }
}
