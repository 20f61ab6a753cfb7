using EmployeeDirectory.Core.Presence;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter for the API (a global limiter that limits only API requests), the sign-in
/// throttle the login form consults (it needs the submitted email, which only the form handler has), the
/// limit on status changes (around the presence service, so every way in counts) and the export's concurrency.
/// Called after the directory services are registered: it wraps the presence service they registered.
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
        services.AddSingleton<ExportLimit>();
        LimitPresenceWrites(services);
        return builder;
    }

    private static void LimitPresenceWrites(IServiceCollection services)
    {
        var registered = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IPresenceService))
            ?? throw new InvalidOperationException("AddDirectoryRateLimits wraps the presence service: call AddDirectoryServices first.");
        var inner = registered.ImplementationFactory
            ?? throw new InvalidOperationException("The presence service is expected to be registered through a factory.");
        services.Remove(registered);
        services.AddSingleton<IPresenceService>(provider => new PresenceWriteLimit(
            (IPresenceService)inner(provider),
            provider.GetRequiredService<IOptions<RateLimitOptions>>().Value.Presence.PerMinute,
            TimeSpan.FromMinutes(1),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<PresenceWriteLimit>>()));
    }
}
