using EmployeeDirectory.Web.Components.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace EmployeeDirectory.Web.Components;

/// <summary>Registers and maps the Blazor UI.</summary>
public static class UiHostingExtensions
{
    public static WebApplicationBuilder AddDirectoryUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Sign-in replaces this registration with one that reads the authenticated user.
        builder.Services.TryAddScoped<ICurrentActor, AnonymousCurrentActor>();
        return builder;
    }

    public static WebApplication UseDirectoryUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The JSON API answers its own errors with problem details; only pages get HTML error pages.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            pages =>
            {
                if (!app.Environment.IsDevelopment())
                {
                    pages.UseExceptionHandler("/error", createScopeForErrors: true);
                }

                pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
            });

        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapDirectoryUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
