using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Layout;

/// <summary>
/// The shell: MudBlazor's providers inside the interactive root, the app bar and the theme toggle (switched in the
/// browser: the theme's variables for both palettes come from <c>/theme.css</c>).
/// </summary>
public sealed partial class MainLayout
{
    private static readonly MarkupString BadgeIcon = new(Icons.Material.Filled.Badge);
    private static readonly MarkupString RollCallIcon = new(Icons.Material.Filled.FactCheck);
    private static readonly MarkupString ConsoleIcon = new(Icons.Material.Filled.Memory);
    private static readonly MarkupString LightModeIcon = new(Icons.Material.Filled.LightMode);
    private static readonly MarkupString DarkModeIcon = new(Icons.Material.Filled.DarkMode);

    private bool _interactive;
    private ClaimsPrincipal? _user;

    /// <summary>The signed-in user, from the circuit (a change of their roles arrives here as a new state).</summary>
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnParametersSetAsync() =>
        _user = AuthenticationState is null ? null : (await AuthenticationState).User;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _interactive = true;
            StateHasChanged();
        }
    }
}
