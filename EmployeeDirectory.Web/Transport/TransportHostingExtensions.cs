using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Transport;

/// <summary>
/// How requests arrive and what every answer carries: forwarded headers from trusted proxies only, HSTS outside
/// Development, the security headers (<see cref="SecurityHeaders"/>), and HEAD answered wherever GET is. First in the pipeline, so everything after sees the real client and scheme,
/// and before routing (Program calls UseRouting right after), so a HEAD is routed as a GET.
/// </summary>
public static class TransportHostingExtensions
{
    /// <summary>ASP.NET Core's own switch (ASPNETCORE_FORWARDEDHEADERS_ENABLED); the proxy lists below apply to it too.</summary>
    private const string FrameworkForwardedHeadersSwitch = "FORWARDEDHEADERS_ENABLED";

    public static WebApplicationBuilder AddDirectoryTransport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();

        // PostConfigure: after the framework's own setup, which trusts every sender when its switch is on.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var network in proxies.Value.EffectiveNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        services.AddHostedService<PlainHttpWarning>();

        // A start-up filter, registered before any other of the app's: the headers go on every answer.
        services.AddTransient(_ => SecurityHeaders.First());
        return builder;
    }

    public static WebApplication UseDirectoryTransport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // With the framework's switch on, its start-up filter already runs this middleware (with these options).
        if (!app.Configuration.GetValue<bool>(FrameworkForwardedHeadersSwitch))
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseHeadAsGet();
        return app;
    }
}
