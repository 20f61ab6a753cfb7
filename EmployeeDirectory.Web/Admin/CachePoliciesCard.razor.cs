using EmployeeDirectory.Core.Caching;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using StackExchange.Redis;

namespace EmployeeDirectory.Web.Admin;

/// <summary>Each field policy as configured, the key families that live by it, and "clear" behind a confirmation.</summary>
public sealed partial class CachePoliciesCard : IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private CachePolicy? _clearing;

    [Inject]
    private FieldCache Cache { get; set; } = default!;

    [Inject]
    private CacheInspector Inspector { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<CachePoliciesCard> Logger { get; set; } = default!;

    /// <summary>Raised after a policy was cleared, so the key list can refresh.</summary>
    [Parameter]
    public EventCallback<CachePolicy> OnCleared { get; set; }

    private async Task ClearAsync(CachePolicy policy)
    {
        var where = Cache.HasRedis ? "from Redis and from every server's memory" : "from this server's memory";
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Clear the {policy} policy?",
            $"Every {policy} key is evicted {where}. The next reads load them from the database again.",
            yesText: "Clear",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _clearing = policy;
        try
        {
            var removed = await Inspector.ClearPolicyAsync(policy, _lifetime.Token);
            Snackbar.Add(
                Cache.HasRedis ? $"Cleared {policy}: {CacheFormat.Count(removed)} keys removed from Redis." : $"Cleared {policy} from this server's memory.",
                Severity.Success);
            await OnCleared.InvokeAsync(policy);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // The console closed mid-way; what was cleared stays cleared.
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            Log.ClearFailed(Logger, policy, error);
            Snackbar.Add($"Redis did not answer, so {policy} was not fully cleared. Try again once it is back.", Severity.Error);
        }
        finally
        {
            _clearing = null;
        }
    }

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Clearing the {Policy} cache policy failed")]
        public static partial void ClearFailed(ILogger logger, CachePolicy policy, Exception error);
    }
}
