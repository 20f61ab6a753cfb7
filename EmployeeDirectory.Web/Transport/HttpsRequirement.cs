using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;

namespace EmployeeDirectory.Web.Transport;

/// <summary>
/// Outside Development the sign-in and antiforgery cookies are Secure, so a page (and any form post) works over
/// HTTPS only. Over plain HTTP it would fail deep in antiforgery with a 500; instead it gets a 400 page that says
/// so and names the setting that usually causes it: a TLS proxy whose <c>X-Forwarded-Proto</c> is not believed
/// because it is not in <c>ForwardedHeaders:KnownNetworks</c> or <c>KnownProxies</c>. The first refusal is logged
/// as a warning (later ones at Debug). The API, probes and static files are not pages and are left alone.
/// Runs after routing: what needs HTTPS is decided by the endpoint.
/// </summary>
internal static partial class HttpsRequirement
{
    public const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>HTTPS required · Employee Directory</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
        <h1>This page needs HTTPS</h1>
        <p>The Employee Directory serves its pages over HTTPS only: its sign-in cookies are never sent over plain HTTP.
        Open this address with <code>https://</code>.</p>
        <p>If you run this server and TLS ends at a reverse proxy in front of it, the server does not trust that proxy yet:
        add the proxy's network to <code>ForwardedHeaders:KnownNetworks</code> (or its address to
        <code>ForwardedHeaders:KnownProxies</code>), so the <code>X-Forwarded-Proto: https</code> it sends is believed.</p>
        </body>
        </html>
        """;

    public static IApplicationBuilder UseHttpsForPages(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return app;
        }

        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsRequirement));
        var warned = 0;
        return app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || !NeedsHttps(context.GetEndpoint()))
            {
                await next(context);
                return;
            }

            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (Interlocked.Exchange(ref warned, 1) == 0)
            {
                Log.RefusedFirst(logger, context.Request.Method, context.Request.Path, address);
            }
            else
            {
                Log.Refused(logger, context.Request.Method, context.Request.Path, address);
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page, context.RequestAborted);
        });
    }

    /// <summary>Pages (Razor components) and endpoints that check an antiforgery token (forms, sign-out).</summary>
    private static bool NeedsHttps(Endpoint? endpoint) =>
        endpoint is not null
        && (endpoint.Metadata.GetMetadata<RootComponentMetadata>() is not null
            || endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true });

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Warning,
            Message = "Answered {Method} {Path} from {Address} with 400: a page over plain HTTP. Browsers must use HTTPS; if TLS ends at a proxy, add it to ForwardedHeaders:KnownNetworks or KnownProxies (later refusals are logged at Debug)")]
        public static partial void RefusedFirst(ILogger logger, string method, PathString path, string address);

        [LoggerMessage(EventId = 7002, Level = LogLevel.Debug, Message = "Answered {Method} {Path} from {Address} with 400: a page over plain HTTP")]
        public static partial void Refused(ILogger logger, string method, PathString path, string address);
    }
}
