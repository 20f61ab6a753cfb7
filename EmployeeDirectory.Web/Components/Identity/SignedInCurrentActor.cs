using Microsoft.AspNetCore.Components.Authorization;

namespace EmployeeDirectory.Web.Components.Identity;

/// <summary>The signed-in user of the circuit: their user name (email) is recorded as "changed by".</summary>
internal sealed class SignedInCurrentActor(AuthenticationStateProvider authentication) : ICurrentActor
{
    public async Task<string> GetNameAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync().WaitAsync(cancellationToken);
        return state.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException("Changes need a signed-in user, and this circuit has none.");
    }
}
