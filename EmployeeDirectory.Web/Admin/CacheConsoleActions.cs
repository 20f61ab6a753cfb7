using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Operations;
using EmployeeDirectory.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace EmployeeDirectory.Web.Admin;

/// <summary>
/// The console's destructive actions, for the user of this circuit. Each re-checks the Admin policy when it
/// runs, not only when the page opened: a role taken away mid-session stops the next click.
/// </summary>
public sealed class CacheConsoleActions(ICacheOperator cache, AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    /// <summary>The answer to a user who is no longer an admin.</summary>
    public const string NotAllowed = "Only an admin can change the cache. Nothing was evicted.";

    /// <summary>Evicts one key everywhere.</summary>
    public async Task<OperatorResult<bool>> EvictAsync(string key)
    {
        if (!await IsAdminAsync())
        {
            return new OperatorResult<bool>(false, NotAllowed);
        }

        await cache.EvictAsync(key);
        return new OperatorResult<bool>(true, null);
    }

    /// <summary>Evicts every key of a policy everywhere; the value is how many Redis keys were removed.</summary>
    public async Task<OperatorResult<long>> ClearPolicyAsync(CachePolicy policy, CancellationToken cancellationToken)
    {
        return await IsAdminAsync()
            ? await cache.ClearPolicyAsync(policy, cancellationToken)
            : new OperatorResult<long>(0, NotAllowed);
    }

    /// <summary>Moves the cache to a new generation everywhere; the value is the new generation.</summary>
    public async Task<OperatorResult<long>> ResetAsync(CancellationToken cancellationToken) =>
        await IsAdminAsync()
            ? await cache.ResetAsync(cancellationToken)
            : new OperatorResult<long>(cache.Keys.Generation, NotAllowed);

    private async Task<bool> IsAdminAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return (await authorization.AuthorizeAsync(user, DirectoryPolicies.Admin)).Succeeded;
    }
}
