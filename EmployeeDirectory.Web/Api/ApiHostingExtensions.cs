namespace EmployeeDirectory.Web.Api;

/// <summary>Registers and maps the JSON API (owned by the API work).</summary>
public static class ApiHostingExtensions
{
    public static WebApplicationBuilder AddDirectoryApi(this WebApplicationBuilder builder) => builder;

    public static WebApplication UseDirectoryApiErrors(this WebApplication app) => app;

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
