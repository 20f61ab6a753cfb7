using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace EmployeeDirectory.Web.Components.Circuits;

/// <summary>
/// Holds each signed-in account to <c>Circuits:PerUser</c> open circuits on this server, and refuses circuits to
/// anonymous callers (no page of the app is interactive before sign-in). A refused circuit is ended as it opens,
/// before any component renders in it, so it holds next to no memory; the tab keeps the page it was first shown and
/// says why it is not live. One per circuit (scoped), counting its circuit from open to close.
/// </summary>
internal sealed partial class CircuitLimitHandler(
    AuthenticationStateProvider authentication,
    OpenCircuits open,
    IOptions<CircuitSettings> options,
    IJSRuntime js,
    CircuitRefusals refusals,
    ILogger<CircuitLimitHandler> logger) : CircuitHandler
{
    private string? _counted;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var limit = options.Value.PerUser;
        var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
        var user = state.User.Identity?.IsAuthenticated == true ? state.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (user is null)
        {
            Refuse("Sign in again, then reload this page.", "anonymous", cancellationToken);
            return;
        }

        if (limit == 0)
        {
            return;
        }

        if (!open.TryOpen(user, limit))
        {
            Refuse(
                $"You have {limit} pages of the directory open on this server, the most one person may. Close one of them, then reload this page.",
                state.User.Identity?.Name ?? user,
                cancellationToken);
            return;
        }

        _counted = user;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _counted, null) is { } user)
        {
            open.Close(user);
        }

        return Task.CompletedTask;
    }

    /// <summary>Tells the tab why (app.js shows it in place of the error bar's text), then ends the circuit.</summary>
    private void Refuse(string message, string who, CancellationToken cancellationToken)
    {
        if (refusals.Sampler.ShouldLog(out var suppressed))
        {
            Log.Refused(logger, who, options.Value.PerUser, suppressed);
        }

        // Not awaited: a client that never answers must not hold the circuit open; the message goes out before the error.
        _ = js.InvokeVoidAsync("directoryCircuitRefused", cancellationToken, message).AsTask().ContinueWith(
            static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        throw new CircuitRefusedException(message);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 8001, Level = LogLevel.Warning,
            Message = "Refused a circuit to {User}: anonymous, or over Circuits:PerUser ({Limit}) ({Suppressed} more refusals since the last of these lines)")]
        public static partial void Refused(ILogger logger, string user, int limit, long suppressed);
    }
}
