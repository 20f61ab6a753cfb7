using Bunit;
using EmployeeDirectory.Web.Components.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace EmployeeDirectory.Tests.Components;

/// <summary>
/// Shared bUnit setup for MudBlazor components: loose JS interop (MudBlazor calls JS for focus, popovers
/// and scrolling, none of which these tests assert on), MudBlazor's services, and the UI's own services.
/// </summary>
public abstract class MudBlazorTest : BunitContext
{
    protected MudBlazorTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<ICurrentActor, AnonymousCurrentActor>();
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected ISnackbar Snackbar => Services.GetRequiredService<ISnackbar>();

    /// <summary>The popover provider, once <see cref="RenderWithProviders{TComponent}"/> rendered it: selects' lists open here.</summary>
    protected IRenderedComponent<MudPopoverProvider>? Popovers { get; private set; }

    /// <summary>
    /// Renders the popover and snackbar providers (as the layout does) and then <typeparamref name="TComponent"/>,
    /// so selects, tooltips and snackbars work.
    /// </summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(
        Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Popovers ??= Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render(parameters ?? (_ => { }));
    }
}
