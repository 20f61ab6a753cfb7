using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Operations;
using EmployeeDirectory.Web.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EmployeeDirectory.Web.Admin;

/// <summary>Each field policy as configured, the key families that live by it, and "clear" behind a confirmation.</summary>
public sealed partial class CachePoliciesCard : LifetimeComponent
{
    private CachePolicy? _clearing;

    [Inject]
    private ICacheOperator Cache { get; set; } = default!;

    [Inject]
    private CacheConsoleActions Actions { get; set; } = default!;

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
            var cleared = await Actions.ClearPolicyAsync(policy, Lifetime);
            if (!cleared.Succeeded)
            {
                Log.ClearFailed(Logger, policy, cleared.Problem);
                Snackbar.Add(cleared.Problem, Severity.Error);
                return;
            }

            Snackbar.Add(
                Cache.HasRedis ? $"Cleared {policy}: {CacheFormat.Count(cleared.Value)} keys removed from Redis." : $"Cleared {policy} from this server's memory.",
                Severity.Success);
            await OnCleared.InvokeAsync(policy);
        }
        catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
        {
            // The console closed mid-way; what was cleared stays cleared.
        }
        finally
        {
            _clearing = null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Clearing the {Policy} cache policy did not finish: {Problem}")]
        public static partial void ClearFailed(ILogger logger, CachePolicy policy, string problem);
    }
}
