namespace EmployeeDirectory.Web.Components;

/// <summary>Registers and maps the Blazor UI (owned by the UI work).</summary>
public static class UiHostingExtensions
{
    public static WebApplicationBuilder AddDirectoryUi(this WebApplicationBuilder builder) => builder;

    public static WebApplication UseDirectoryUi(this WebApplication app) => app;

    public static WebApplication MapDirectoryUi(this WebApplication app) => app;
}
