using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace EmployeeDirectory.Web.Components.Identity;

/// <summary>The signed-in user of the circuit, as their claims stand now (refreshed every minute).</summary>
internal sealed class SignedInCurrentActor(AuthenticationStateProvider authentication) : ICurrentActor
{
    public async Task<DirectoryActor> GetActorAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync().WaitAsync(cancellationToken);
        return state.User.Identity?.IsAuthenticated == true
            ? DirectoryClaims.ActorOf(state.User)
            : throw new InvalidOperationException("Changes need a signed-in user, and this circuit has none.");
    }
}
