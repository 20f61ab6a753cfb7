using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>
/// Authenticates a request carrying an <c>X-Api-Key</c> header. A missing header is "no result" (the
/// cookie may still sign the caller in); a present but unknown or revoked key fails, and the challenge
/// answers 401 with a <c>WWW-Authenticate</c> naming the header. A refused key is counted
/// (<see cref="AuthMetrics"/>) and logged at Debug only: anyone can send a bogus key, so a log line each
/// would let them fill the log.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore keys,
    AuthMetrics metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.Fail($"Send exactly one {ApiKeyDefaults.HeaderName} header.");
        }

        var caller = await keys.AuthenticateAsync(values[0]!, Context.RequestAborted);
        if (caller is null)
        {
            metrics.ApiKeyRefused();
            Log.KeyRefused(Logger, Request.Method, Request.Path);
            return AuthenticateResult.Fail("The API key is unknown or has been revoked.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3110, Level = LogLevel.Debug, Message = "Refused an unknown or revoked API key on {Method} {Path}")]
        public static partial void KeyRefused(ILogger logger, string method, PathString path);
    }
}
