using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using EmployeeDirectory.Web.Api.OpenApi;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Web.Api;

/// <summary>Registers and maps the JSON API.</summary>
public static class ApiHostingExtensions
{
    public static WebApplicationBuilder AddDirectoryApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddDirectoryOpenApi();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());

            // The web defaults also read numbers from strings, which the OpenAPI document then
            // advertises as "integer or string"; the API takes and gives plain JSON numbers.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;

            // ASP.NET's default encoder leaves < > & ' raw; escaping them keeps user text inert should
            // a response ever be sniffed or embedded in HTML. Non-ASCII letters stay readable.
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });

        // Outside Development a request that cannot be bound gets an empty 400 (which the status code
        // page turns into a problem); in Development it throws, so ApiExceptionHandler can say why.
        var throwOnBadRequest = builder.Environment.IsDevelopment();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = throwOnBadRequest);

        return builder;
    }

    /// <summary>Problem responses for everything under /api: exceptions, unknown routes, unreadable requests.</summary>
    public static WebApplication UseDirectoryApiErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseWhen(ApiRoutes.IsApiRequest, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages(ApiProblems.WriteStatusCodeProblemAsync);
        });

        return app;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json (admins only: it describes the admin API) and the /api endpoints.</summary>
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapOpenApi().RequireAuthorization(DirectoryPolicies.Admin);
        endpoints.MapEmployeesApi();

        return endpoints;
    }
}
