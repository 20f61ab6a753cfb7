using System.Collections.Concurrent;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// The app (Development, so the demo accounts exist) with one client per <see cref="Caller"/>, made once:
/// the employee is the first demo employee (cookie: the demo account; key: an Employee key acting for
/// them), the admin the demo admin (cookie) or an Admin key; the revoked key an Admin key revoked before use.
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
        var store = Services.GetRequiredService<ApiKeyStore>();
        var created = await store.CreateAsync(new ApiKeyDraft("revoked before use", DirectoryRoles.Admin, null), "tests");
        await store.RevokeAsync(created.Value!.Key.Id, "tests");
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, created.Value.Secret);
        return client;
    }

    private async Task<HttpClient> CreateClientAsync(Caller caller) => caller switch
    {
        Caller.Anonymous => CreateAnonymousClient(),
        Caller.EmployeeCookie => await SignInAsync((await OwnEmployeeAsync()).Email),
        Caller.EmployeeKey => CreateApiClient(DirectoryRoles.Employee, (await OwnEmployeeAsync()).Email),
        Caller.AdminCookie => await SignInAsync(DemoAdminEmail),
        Caller.AdminKey => CreateApiClient(DirectoryRoles.Admin),
        Caller.RevokedKey => await CreateRevokedKeyClientAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };
}
