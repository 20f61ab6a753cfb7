using System.Security.Claims;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Components.Identity;

/// <summary>
/// A circuit keeps the user it started with for as long as the tab stays open. Every
/// <see cref="RefreshInterval"/> this reads the account again: a changed role or employee link replaces
/// the circuit's user (its pages re-render with what the user may now do), and a deleted account, a
/// changed security stamp (a new password) or a demo account outside Development signs the circuit out.
/// The sign-in cookie is refreshed on the same schedule (the security stamp validator's interval).
/// </summary>
internal sealed partial class RefreshingAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    /// <summary>Often enough that a role or link change reaches open tabs within a minute.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private static readonly ClaimsPrincipal SignedOut = new(new ClaimsIdentity());

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly IHostEnvironment _environment;
    private readonly IOptions<IdentityOptions> _identity;
    private readonly ILogger<RefreshingAuthenticationStateProvider> _logger;
    private CancellationTokenSource? _watch;

    public RefreshingAuthenticationStateProvider(
        IServiceScopeFactory scopes,
        TimeProvider time,
        IHostEnvironment environment,
        IOptions<IdentityOptions> identity,
        ILogger<RefreshingAuthenticationStateProvider> logger)
    {
        _scopes = scopes;
        _time = time;
        _environment = environment;
        _identity = identity;
        _logger = logger;
        AuthenticationStateChanged += Watch;
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= Watch;
        StopWatching();
    }

    /// <summary>
    /// The account as it stands now: null when nothing that decides what the user may do has changed,
    /// an anonymous principal when the user must be signed out, otherwise the refreshed principal.
    /// </summary>
    internal async Task<ClaimsPrincipal?> ReadAccountAsync(ClaimsPrincipal current)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>();
        var user = await users.GetUserAsync(current);
        var claims = _identity.Value.ClaimsIdentity;
        if (user is null
            || (users.SupportsUserSecurityStamp && current.FindFirstValue(claims.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
            || (!_environment.IsDevelopment() && DemoAccounts.IsDemo(user.Email)))
        {
            return SignedOut;
        }

        var fresh = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DirectoryUser>>().CreateAsync(user);
        return Authority(current, claims.RoleClaimType) == Authority(fresh, claims.RoleClaimType) ? null : fresh;
    }

    /// <summary>What decides what a user may do: their name, roles and employee link.</summary>
    private static string Authority(ClaimsPrincipal user, string roleClaimType) =>
        string.Join(
            '|',
            user.Identity?.Name,
            string.Join(',', user.FindAll(roleClaimType).Select(claim => claim.Value).Order(StringComparer.Ordinal)),
            DirectoryClaims.EmployeeIdOf(user));

    private void Watch(Task<AuthenticationState> state)
    {
        StopWatching();
        _watch = new CancellationTokenSource();
        _ = WatchAsync(state, _watch.Token);
    }

    private void StopWatching()
    {
        _watch?.Cancel();
        _watch?.Dispose();
        _watch = null;
    }

    private async Task WatchAsync(Task<AuthenticationState> state, CancellationToken cancellationToken)
    {
        try
        {
            var user = (await state).User;
            if (user.Identity?.IsAuthenticated != true)
            {
                return;
            }

            using var timer = new PeriodicTimer(RefreshInterval, _time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var refreshed = await TryReadAccountAsync(user);
                if (refreshed is not null && !cancellationToken.IsCancellationRequested)
                {
                    Log.Refreshed(_logger, user.Identity.Name, refreshed.Identity?.IsAuthenticated == true ? "its roles or employee link changed" : "the account changed or is gone: signed out");

                    // Raises AuthenticationStateChanged, which starts watching the new user.
                    SetAuthenticationState(Task.FromResult(new AuthenticationState(refreshed)));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The circuit closed, or a newer state replaced this one.
        }
    }

    private async Task<ClaimsPrincipal?> TryReadAccountAsync(ClaimsPrincipal user)
    {
        try
        {
            return await ReadAccountAsync(user);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            // The database is unreachable for a moment: keep the user as they are and try at the next tick.
            Log.RefreshFailed(_logger, exception, user.Identity?.Name);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3210, Level = LogLevel.Information, Message = "Open pages of {User} updated: {Change}")]
        public static partial void Refreshed(ILogger logger, string? user, string change);

        [LoggerMessage(EventId = 3211, Level = LogLevel.Warning, Message = "Could not re-read the account of {User} for its open pages; trying again shortly")]
        public static partial void RefreshFailed(ILogger logger, Exception exception, string? user);
    }
}
