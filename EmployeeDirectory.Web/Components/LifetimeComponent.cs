using Microsoft.AspNetCore.Components;

namespace EmployeeDirectory.Web.Components;

/// <summary>
/// A component whose work ends with it: <see cref="Lifetime"/> is cancelled when the component is disposed
/// (the page closed, the user navigated away, the circuit ended), so no call outlives what started it.
/// </summary>
public abstract class LifetimeComponent : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime = new();

    /// <summary>Creates the component with a live <see cref="Lifetime"/>.</summary>
    protected LifetimeComponent() => Lifetime = _lifetime.Token;

    /// <summary>Cancelled when the component is disposed; pass it to every call the component makes.</summary>
    protected CancellationToken Lifetime { get; }

    /// <summary>True once the component is disposed: callbacks arriving late must do nothing.</summary>
    protected bool IsDisposed { get; private set; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        await _lifetime.CancelAsync();
        await OnDisposeAsync();
        _lifetime.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the component holds beyond its lifetime token (subscriptions, JS modules).</summary>
    protected virtual ValueTask OnDisposeAsync() => ValueTask.CompletedTask;
}
