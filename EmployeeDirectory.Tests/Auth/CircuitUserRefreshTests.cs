using System.Net;
using System.Threading.Channels;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Components.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// A role or an employee link changed while a tab is open reaches it within a minute: the circuit's
/// user is re-read from the account every <see cref="CircuitAccounts.RefreshInterval"/> by the server's one check
/// of all open circuits (a fake clock moves it here), and a new password signs the circuit out.
/// </summary>
public sealed class CircuitUserRefreshTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private const string Password = "correct horse battery staple";
    private static readonly TimeSpan ChangeDeadline = TimeSpan.FromSeconds(10);

    [Fact]
    public void TheRefreshIsFrequentEnoughForAMinute() =>
        Assert.InRange(CircuitAccounts.RefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(59));

    [Fact]
    public async Task ARoleGivenWhileTheTabIsOpenReachesTheCircuit()
    {
        const string email = "promoted.in.circuit@example.com";
        using var circuit = await OpenCircuitAsync(email);
        Assert.False(circuit.CurrentUser.IsInRole(DirectoryRoles.Admin));

        await ChangeAccountAsync(email, (users, user) => users.AddToRoleAsync(user, DirectoryRoles.Admin));
        circuit.Time.Advance(CircuitAccounts.RefreshInterval);

        var state = await circuit.NextStateAsync();
        Assert.True(state.User.IsInRole(DirectoryRoles.Admin));
        Assert.Equal(email, state.User.Identity?.Name);
    }

    [Fact]
    public async Task AnEmployeeLinkMadeWhileTheTabIsOpenReachesTheCircuit()
    {
        const string email = "linked.in.circuit@example.com";
        using var circuit = await OpenCircuitAsync(email);
        Assert.Null(DirectoryClaims.EmployeeIdOf(circuit.CurrentUser));
        var employee = await RelinkAnEmployeeAsync(email);

        circuit.Time.Advance(CircuitAccounts.RefreshInterval);

        var state = await circuit.NextStateAsync();
        Assert.Equal(employee, DirectoryClaims.EmployeeIdOf(state.User));
        Assert.True(DirectoryClaims.ActorOf(state.User).MaySetPresenceOf(employee));
    }

    [Fact]
    public async Task ANewPasswordSignsTheCircuitOut()
    {
        const string email = "new.password.in.circuit@example.com";
        using var circuit = await OpenCircuitAsync(email);

        await ChangeAccountAsync(email, (users, user) => users.ChangePasswordAsync(user, Password, "another long passphrase"));
        circuit.Time.Advance(CircuitAccounts.RefreshInterval);

        var state = await circuit.NextStateAsync();
        Assert.False(state.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task ARoleGivenReachesTheSignInCookieWithinTheSameInterval()
    {
        const string email = "promoted.by.cookie@example.com";
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = DirectoryAppFactory.Create(services: services =>
            services.PostConfigure<SecurityStampValidatorOptions>(options => options.TimeProvider = time));
        await timed.CreateAccountAsync(email, Password, DirectoryRoles.Employee);
        using var client = await timed.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Forbidden, await AdminApiAsync(client));

        await using (var scope = timed.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, DirectoryRoles.Admin);
        }

        Assert.Equal(HttpStatusCode.Forbidden, await AdminApiAsync(client));
        time.SetUtcNow(DateTimeOffset.UtcNow + CircuitAccounts.RefreshInterval + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await AdminApiAsync(client));
    }

    private static async Task<HttpStatusCode> AdminApiAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/admin/api-keys", UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>An employee account and a circuit signed in as it, on a fake clock.</summary>
    private async Task<Circuit> OpenCircuitAsync(string email)
    {
        await app.CreateAccountAsync(email, Password, DirectoryRoles.Employee);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var accounts = new CircuitAccounts(
            app.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>(),
            app.Services.GetRequiredService<IServiceScopeFactory>(),
            time,
            app.Services.GetRequiredService<IHostEnvironment>(),
            app.Services.GetRequiredService<IOptions<IdentityOptions>>(),
            app.Services.GetRequiredService<ILogger<CircuitAccounts>>());
        var provider = new RefreshingAuthenticationStateProvider(accounts);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DirectoryUser>>()
            .CreateAsync((await users.FindByEmailAsync(email))!);
        var circuit = new Circuit(provider, time);
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        Assert.Equal(email, (await circuit.NextStateAsync()).User.Identity?.Name);
        return circuit;
    }

    private async Task ChangeAccountAsync(string email, Func<UserManager<DirectoryUser>, DirectoryUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>();
        var result = await change(users, (await users.FindByEmailAsync(email))!);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(error => error.Description)));
    }

    /// <summary>Gives an employee the account's email through the directory service; returns the employee's id.</summary>
    private async Task<int> RelinkAnEmployeeAsync(string email)
    {
        var directory = app.Services.GetRequiredService<IDirectoryService>();
        var page = await directory.SearchAsync(new DirectoryQuery { Page = 3, PageSize = 10 }, TestContext.Current.CancellationToken);
        var profile = (await directory.GetEmployeeAsync(page.Value!.Items[0].Id, TestContext.Current.CancellationToken))!.Profile;
        var saved = await directory.UpdateProfileAsync(profile.Id, ProfileUpdate.From(profile) with { Email = email }, TestContext.Current.CancellationToken);
        Assert.True(saved.IsOk);
        return profile.Id;
    }

    /// <summary>A circuit's authentication state provider and each state it announces, in order.</summary>
    private sealed class Circuit : IDisposable
    {
        private readonly Channel<AuthenticationState> _states = Channel.CreateUnbounded<AuthenticationState>();
        private readonly RefreshingAuthenticationStateProvider _provider;

        public Circuit(RefreshingAuthenticationStateProvider provider, FakeTimeProvider time)
        {
            _provider = provider;
            Time = time;
            provider.AuthenticationStateChanged += async state => await _states.Writer.WriteAsync(await state);
        }

        public FakeTimeProvider Time { get; }

        /// <summary>The user the circuit last announced.</summary>
        public System.Security.Claims.ClaimsPrincipal CurrentUser { get; private set; } = new();

        /// <summary>Closes the circuit: the provider stops re-reading the account.</summary>
        public void Dispose() => _provider.Dispose();

        public async Task<AuthenticationState> NextStateAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(ChangeDeadline);
            try
            {
                var state = await _states.Reader.ReadAsync(timeout.Token);
                CurrentUser = state.User;
                return state;
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"The circuit's user did not change within {ChangeDeadline.TotalSeconds} s of a refresh.");
            }
        }
    }
}
