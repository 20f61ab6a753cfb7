using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api.Contract;

/// <summary>
/// Who the walk sends each operation as, chosen from the document alone: an API key holding exactly the scopes the
/// operation's API-key alternative names (so a read that answers its example with success proves those scopes are
/// enough), a key with every scope where it names none, and where the document offers no API-key alternative (managing
/// keys), an admin signed in by the cookie, which sends <c>X-Requested-With</c> as the document asks of unsafe calls.
/// </summary>
internal sealed class WalkCallers(DirectoryAppFactory app, HttpClient signedInAdmin) : IDisposable
{
    private readonly Dictionary<string, HttpClient> _keys = new(StringComparer.Ordinal);

    /// <summary>An admin account the walk creates and signs in as (demo accounts exist only in Development).</summary>
    public static async Task<WalkCallers> CreateAsync(DirectoryAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        const string email = "contract-walk@example.com";
        const string password = "a passphrase for the contract walk";
        await app.CreateAccountAsync(email, password, DirectoryRoles.Admin);
        return new WalkCallers(app, await app.SignInAsync(email, password));
    }

    public async Task<(HttpClient Client, string Who)> ForAsync(ContractOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.ApiKeyScopes is not { } scopes)
        {
            return (signedInAdmin, "an admin signed in by the cookie");
        }

        IReadOnlyList<string> held = scopes.Count == 0 ? ApiKeyScopes.All : scopes;
        var name = string.Join(' ', held.Order(StringComparer.Ordinal));
        if (!_keys.TryGetValue(name, out var client))
        {
            client = (await app.CreateScopedApiClientAsync($"contract walk: {name}", held)).Client;
            _keys[name] = client;
        }

        return (client, $"a key with {name}");
    }

    public void Dispose()
    {
        foreach (var client in _keys.Values)
        {
            client.Dispose();
        }

        signedInAdmin.Dispose();
    }
}
