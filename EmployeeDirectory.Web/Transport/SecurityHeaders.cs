using System.Security.Cryptography;

namespace EmployeeDirectory.Web.Transport;

/// <summary>
/// The headers every response carries, set by the app so they hold with or without a proxy in front: a Content
/// Security Policy that Blazor Server and MudBlazor work under, <c>nosniff</c>, no framing, a referrer policy and a
/// permissions policy. Added when the response starts, so error handling that clears a failed response's headers
/// cannot drop them, by a start-up filter, so they come first in the pipeline and even an answer given before the
/// app's own middleware (the management listener's 404) carries them.
/// </summary>
/// <remarks>
/// Scripts come from this site only; the one inline script, the import map, carries a nonce made afresh for each
/// request (<see cref="NonceOf"/>). Styles allow inline: MudBlazor sets element styles and its theme is a
/// <c>&lt;style&gt;</c> block. Blazor's WebSocket is same-origin (<c>connect-src 'self'</c>).
/// </remarks>
internal static class SecurityHeaders
{
    public const string ReferrerPolicy = "same-origin";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private static readonly object NonceKey = new();

    /// <summary>The policy for a response whose inline script (if any) carries <paramref name="nonce"/>.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";

    /// <summary>This request's script nonce, for the one inline script the page has (the import map).</summary>
    public static string NonceOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceKey] as string ?? throw new InvalidOperationException("UseSecurityHeaders must run before the page renders.");
    }

    /// <summary>Puts the headers first in the pipeline.</summary>
    public static IStartupFilter First() => new SecurityHeadersFilter();

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Hex, not base64: nothing in it needs encoding in an HTML attribute.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var response = context.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });

    private sealed class SecurityHeadersFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseSecurityHeaders();
            next(app);
        };
    }
}
