using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Components.Circuits;
using EmployeeDirectory.Web.Components.Identity;
using EmployeeDirectory.Web.Components.Live;
using EmployeeDirectory.Web.Components.Presence;
using EmployeeDirectory.Web.Components.Theme;
using EmployeeDirectory.Web.Transport;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace EmployeeDirectory.Web.Components;

/// <summary>Registers and maps the Blazor UI.</summary>
public static class UiHostingExtensions
{
    public static WebApplicationBuilder AddDirectoryUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddOptions<CircuitSettings>().BindConfiguration(CircuitSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitSettings>>((circuits, settings) =>
        {
            circuits.DisconnectedCircuitMaxRetained = settings.Value.DisconnectedMaxRetained;
            circuits.DisconnectedCircuitRetentionPeriod = settings.Value.DisconnectedRetentionPeriod;
            circuits.JSInteropDefaultCallTimeout = settings.Value.JSInteropTimeout;
            circuits.MaxBufferedUnacknowledgedRenderBatches = settings.Value.MaxBufferedUnacknowledgedRenderBatches;
        });
        builder.Services.AddMudServices();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Changes are attributed to the signed-in user (sign-in itself is AddDirectoryAuth).
        builder.Services.TryAddScoped<ICurrentActor, SignedInCurrentActor>();
        builder.Services.TryAddScoped<PresenceChanger>();

        // One dispatcher per server hands each directory change to the open pages it concerns.
        builder.Services.AddOptions<LiveDirectoryOptions>().BindConfiguration(LiveDirectoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<LiveDirectory>();
        builder.Services.TryAddSingleton<ThemeStylesheet>();

        // At most Circuits:PerUser open circuits per account on this server (settings above); none for anonymous callers.
        builder.Services.AddSingleton<OpenCircuits>();
        builder.Services.AddSingleton<CircuitRefusals>();
        builder.Services.AddScoped<CircuitHandler, CircuitLimitHandler>();
        return builder;
    }

    public static WebApplication UseDirectoryUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Registered IExceptionHandlers (the API's problem details) get the first say; pages fall back to /error.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // Not inside a UseWhen branch: re-executing /not-found needs routing to run again, which only the
        // main pipeline sets up. API requests (/api, /openapi) opt out so their own problem responses stand.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (ApiRoutes.IsApiRequest(context) && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            return next(context);
        });

        // Outside Development pages need HTTPS (their cookies are Secure): over plain HTTP a clear 400, not a 500.
        app.UseHttpsForPages();

        // Antiforgery runs in UseDirectoryAuth, after authentication: its tokens are bound to the user.
        return app;
    }

    public static WebApplication MapDirectoryUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapStaticAssets();
        app.MapThemeStylesheet();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
