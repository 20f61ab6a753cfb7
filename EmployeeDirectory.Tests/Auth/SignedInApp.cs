using System.Collections.Concurrent;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// The app (Development, so the demo accounts exist) with one client per <see cref="Caller"/>, made once:
/// the employee is the first demo employee (cookie: the demo account; key: a directory:read key acting for
/// them), the admin the demo admin (cookie) or a key with every scope; the scoped keys hold one scope each; the
/// revoked and the expired key held every scope until revoked before use, or set to have expired.
/// </summary>
public sealed class SignedInApp : DirectoryAppFactory
{
    private readonly ConcurrentDictionary<Caller, Lazy<Task<HttpClient>>> clients = new();

    public Task<HttpClient> ClientAsync(Caller caller) =>
        clients.GetOrAdd(caller, who => new Lazy<Task<HttpClient>>(() => CreateClientAsync(who))).Value;

    /// <summary>The employee the employee callers are (the first demo employee).</summary>
    public async Task<(int Id, string Email)> OwnEmployeeAsync() => (await DemoEmployeesAsync())[0];

    /// <summary>Someone else: the second demo employee.</summary>
    public async Task<(int Id, string Email)> OtherEmployeeAsync() => (await DemoEmployeesAsync())[1];

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values.Where(lazy => lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully))
        {
            client.Value.Result.Dispose();
        }

        await base.DisposeAsync();
    }

    private async Task<HttpClient> CreateRevokedKeyClientAsync()
    {
        var (client, keyId) = await CreateScopedApiClientAsync("revoked before use", ApiKeyScopes.All);
        await Services.GetRequiredService<ApiKeyStore>().RevokeAsync(keyId, "tests");
        return client;
    }

    private async Task<HttpClient> CreateExpiredKeyClientAsync()
    {
        var (client, keyId) = await CreateScopedApiClientAsync("expired", ApiKeyScopes.All, expiresAt: DateTimeOffset.UtcNow.AddDays(1));
        await QueryDatabaseAsync(db => db.ApiKeys.Where(key => key.Id == keyId)
            .ExecuteUpdateAsync(set => set.SetProperty(key => key.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        return client;
    }

    private async Task<HttpClient> ScopedAsync(string scope) => (await CreateScopedApiClientAsync($"only {scope}", [scope])).Client;

    private async Task<HttpClient> CreateClientAsync(Caller caller) => caller switch
    {
        Caller.Anonymous => CreateAnonymousClient(),
        Caller.EmployeeCookie => await SignInAsync((await OwnEmployeeAsync()).Email),
        Caller.EmployeeKey => CreateApiClient(DirectoryRoles.Employee, (await OwnEmployeeAsync()).Email),
        Caller.AdminCookie => await SignInAsync(DemoAdminEmail),
        Caller.AdminKey => CreateApiClient(DirectoryRoles.Admin),
        Caller.ReaderKey => await ScopedAsync(ApiKeyScopes.DirectoryRead),
        Caller.BadgeReaderKey => await ScopedAsync(ApiKeyScopes.PresenceWrite),
        Caller.ProfileKey => await ScopedAsync(ApiKeyScopes.ProfileWrite),
        Caller.AdminScopeKey => await ScopedAsync(ApiKeyScopes.Admin),
        Caller.RevokedKey => await CreateRevokedKeyClientAsync(),
        Caller.ExpiredKey => await CreateExpiredKeyClientAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };
}
