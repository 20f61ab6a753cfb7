using MudBlazor;

namespace EmployeeDirectory.Web.Components.Theme;

/// <summary>
/// The app's palette: MudBlazor defaults with darker success, info, error and warning colours and secondary text, so text in those
/// colours (chips, outlined buttons, alerts on their tinted backgrounds) keeps WCAG AA contrast (4.5:1).
/// </summary>
internal static class DirectoryTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5fa8",
            AppbarBackground = "#1e5fa8",
            Success = "#2e7d32",
            SuccessContrastText = "#ffffff",
            Info = "#0b5cad",
            InfoContrastText = "#ffffff",
            Error = "#c62828",
            ErrorContrastText = "#ffffff",
            Warning = "#a15c00",
            WarningContrastText = "#ffffff",

            // MudBlazor's 54% black is 4.47:1 on a striped row; 64% is 5.9:1.
            TextSecondary = "rgba(0,0,0,0.64)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb2f0",
            Success = "#66bb6a",
            SuccessContrastText = "rgba(0,0,0,0.87)",
        },
    };
}
