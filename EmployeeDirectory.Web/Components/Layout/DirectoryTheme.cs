using MudBlazor;

namespace EmployeeDirectory.Web.Components.Layout;

/// <summary>The app's palette: MudBlazor defaults with a darker "In" green so chip text keeps AA contrast.</summary>
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
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb2f0",
            Success = "#66bb6a",
            SuccessContrastText = "rgba(0,0,0,0.87)",
        },
    };
}
