using Bunit;
using Bunit.TestDoubles;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Components.Identity;
using EmployeeDirectory.Web.Components.Layout;
using EmployeeDirectory.Web.Components.Presence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace EmployeeDirectory.Tests.Components;

/// <summary>
/// Shared bUnit setup for MudBlazor components: loose JS interop (MudBlazor calls JS for focus, popovers
/// and scrolling, none of which these tests assert on), MudBlazor's services, and the UI's own services.
/// A signed-in user is in the render tree (bUnit's authentication state) and the app's real policies
/// decide what they may do; it is the admin <see cref="AdminEmail"/> until a test calls
/// <see cref="SignInAsEmployee"/> or <see cref="SignOut"/>.
/// </summary>
public abstract class MudBlazorTest : BunitContext
{
    public const string AdminEmail = "admin@contoso.example";

    private readonly BunitAuthorizationContext _authorization;
    private bool _providersRendered;

    protected MudBlazorTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<ICurrentActor, SignedInCurrentActor>();
        Services.AddScoped<PresenceChanger>();

        // bUnit's authentication state with the app's real policies, not bUnit's stand-in that grants
        // policies by name: "may set presence" depends on who is asking and for whom.
        _authorization = AddAuthorization();
        Services.AddDirectoryAuthorization();
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        SignInAsAdmin();

        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected ISnackbar Snackbar => Services.GetRequiredService<ISnackbar>();

    /// <summary>Signs in an admin who is not in the roster.</summary>
    protected void SignInAsAdmin() =>
        _authorization.SetAuthorized(AdminEmail).SetRoles(DirectoryRoles.Admin);

    /// <summary>Signs in the employee with <paramref name="employeeId"/>, as the account linked to their email.</summary>
    protected void SignInAsEmployee(int employeeId, string email) =>
        _authorization.SetAuthorized(email).SetRoles(DirectoryRoles.Employee).SetClaims(DirectoryClaims.ForEmployee(employeeId));

    protected void SignOut() => _authorization.SetNotAuthorized();

    /// <summary>
    /// Renders the snackbar provider (as the layout does) and then <typeparamref name="TComponent"/>, a page: pages
    /// whose controls open popovers or dialogs host those themselves (<see cref="OverlayProviders"/>).
    /// </summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(
        Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        if (!_providersRendered)
        {
            // As a circuit renders them (prerendering is the browser tests' part).
            SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            Render<MudSnackbarProvider>();
            _providersRendered = true;
        }

        return Render(parameters ?? (_ => { }));
    }

    /// <summary>
    /// Renders a control that opens popovers or dialogs (selects, pickers, confirmations) as the page around it
    /// would: inside the page's <see cref="OverlayProviders"/>, with the layout's snackbar provider.
    /// </summary>
    protected IRenderedComponent<TComponent> RenderWithOverlays<TComponent>(
        Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        if (!_providersRendered)
        {
            SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            Render<OverlayProviders>();
        }

        return RenderWithProviders(parameters);
    }
}
