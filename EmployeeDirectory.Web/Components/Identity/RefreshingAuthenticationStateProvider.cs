using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace EmployeeDirectory.Web.Components.Identity;

/// <summary>
/// A circuit's user, kept current for as long as the tab stays open: the server's <see cref="CircuitAccounts"/>
/// checks every open circuit's account in one pass and replaces this user when their roles or employee link
/// change, or signs them out. The circuit itself runs no timer. The sign-in cookie is refreshed on the same
/// schedule (the security stamp validator's interval).
/// </summary>
internal sealed class RefreshingAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private readonly CircuitAccounts _accounts;
    private int _version;
    private volatile bool _disposed;

    public RefreshingAuthenticationStateProvider(CircuitAccounts accounts)
    {
        _accounts = accounts;
        AuthenticationStateChanged += Watch;
    }

    public void Dispose()
    {
        _disposed = true;
        AuthenticationStateChanged -= Watch;
        Interlocked.Increment(ref _version);
        _accounts.Forget(this);
    }

    /// <summary>Replaces the circuit's user (its pages re-render with what the user may now do).</summary>
    internal void Replace(ClaimsPrincipal user) =>
        SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));

    private void Watch(Task<AuthenticationState> state) => _ = WatchAsync(state, Interlocked.Increment(ref _version));

    private async Task WatchAsync(Task<AuthenticationState> state, int version)
    {
        var user = (await state).User;
        if (version != Volatile.Read(ref _version))
        {
            // A newer state replaced this one meanwhile (or the circuit closed).
            return;
        }

        if (user.Identity?.IsAuthenticated == true)
        {
            _accounts.Watch(this, user);
            if (_disposed)
            {
                // Closed while this ran: Dispose's Forget may have come first.
                _accounts.Forget(this);
            }
        }
        else
        {
            _accounts.Forget(this);
        }
    }
}
