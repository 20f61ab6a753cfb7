using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Layout;

/// <summary>
/// The shell: MudBlazor providers inside the interactive root, the app bar and the theme toggle.
/// The theme choice lives in the browser's sessionStorage, so it survives reloads for the session
/// without a cookie; with no choice yet, the system preference wins.
/// </summary>
public sealed partial class MainLayout
{
    private const string ThemeStorageKey = "ed-theme";

    private static readonly MarkupString BadgeIcon = new(Icons.Material.Filled.Badge);
    private static readonly MarkupString RollCallIcon = new(Icons.Material.Filled.FactCheck);
    private static readonly MarkupString ConsoleIcon = new(Icons.Material.Filled.Memory);
    private static readonly MarkupString LightModeIcon = new(Icons.Material.Filled.LightMode);
    private static readonly MarkupString DarkModeIcon = new(Icons.Material.Filled.DarkMode);

    private MudThemeProvider? _themeProvider;
    private bool _isDarkMode;
    private bool _interactive;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private string ThemeToggleLabel => _isDarkMode ? "Switch to light theme" : "Switch to dark theme";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _interactive = true;
        StateHasChanged();
        try
        {
            var stored = await JS.InvokeAsync<string?>("sessionStorage.getItem", ThemeStorageKey);
            var isDark = stored switch
            {
                "dark" => true,
                "light" => false,
                _ => _themeProvider is not null && await _themeProvider.GetSystemDarkModeAsync(),
            };

            if (isDark != _isDarkMode)
            {
                _isDarkMode = isDark;
                StateHasChanged();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away before the preference could be read; nothing to restore.
        }
    }

    private async Task ToggleThemeAsync()
    {
        _isDarkMode = !_isDarkMode;
        try
        {
            await JS.InvokeVoidAsync("sessionStorage.setItem", ThemeStorageKey, _isDarkMode ? "dark" : "light");
        }
        catch (JSDisconnectedException)
        {
            // Remembering the choice is best effort; the toggle itself already applied.
        }
    }
}
