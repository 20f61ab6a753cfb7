using System.Net;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>An employee may set only their own presence and edit no profile; the database is the judge.</summary>
public sealed class PresenceRulesTests(SignedInApp app) : IClassFixture<SignedInApp>
{
    [Theory]
    [InlineData(Caller.EmployeeCookie)]
    [InlineData(Caller.EmployeeKey)]
    public async Task AnEmployeeSettingSomeoneElsesPresenceIsRefusedAndChangesNothing(Caller caller)
    {
        var client = await app.ClientAsync(caller);
        var other = await app.OtherEmployeeAsync();
        var before = await RosterEntry.LoadAsync(app, other.Id);
        var target = before.Presence == PresenceStatus.In ? "Out" : "In";

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{other.Id}/presence", new { status = target, note = "not mine to set" });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("only your own presence", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RosterEntry.LoadAsync(app, other.Id));
        var changedBy = await app.QueryDatabaseAsync(db => Task.FromResult(db.Employees.Single(e => e.Id == other.Id).PresenceChangedBy));
        Assert.NotEqual((await app.OwnEmployeeAsync()).Email, changedBy);
    }

    [Fact]
    public async Task AnEmployeeSettingTheirOwnPresenceIsSavedUnderTheirName()
    {
        var client = await app.ClientAsync(Caller.EmployeeCookie);
        var own = await app.OwnEmployeeAsync();
        var target = (await RosterEntry.LoadAsync(app, own.Id)).Presence == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;

        var saved = await ApiJson.ReadAsync<PresenceResponse>(
            await ApiJson.PutAsync(client, $"/api/employees/{own.Id}/presence", new { status = target.ToString(), note = "back at 3pm" }));

        Assert.Equal(target, saved.Status);
        Assert.Equal(own.Email, saved.ChangedBy);
        var stored = await RosterEntry.LoadAsync(app, own.Id);
        Assert.Equal((target, "back at 3pm"), (stored.Presence, stored.Note));
    }

    [Fact]
    public async Task AnEmployeeKeySetsItsEmployeesPresenceUnderTheKeysName()
    {
        var client = await app.ClientAsync(Caller.EmployeeKey);
        var own = await app.OwnEmployeeAsync();

        var saved = await ApiJson.ReadAsync<PresenceResponse>(
            await ApiJson.PutAsync(client, $"/api/employees/{own.Id}/presence", new { status = "In", note = "badged in" }));

        Assert.Equal(DirectoryAppFactory.ApiKeyActor(DirectoryRoles.Employee, own.Email), saved.ChangedBy);
        Assert.Equal(PresenceStatus.In, (await RosterEntry.LoadAsync(app, own.Id)).Presence);
    }

    [Fact]
    public async Task AnEmployeeCannotEditEvenTheirOwnProfile()
    {
        var client = await app.ClientAsync(Caller.EmployeeCookie);
        var own = await app.OwnEmployeeAsync();
        var before = await RosterEntry.LoadAsync(app, own.Id);

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{own.Id}", new
        {
            givenName = before.GivenName,
            familyName = before.FamilyName,
            title = "Chief Everything Officer",
            department = before.Department,
            email = before.Email,
            phone = before.Phone,
            location = before.Location,
            concurrencyStamp = before.ConcurrencyStamp,
        });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await RosterEntry.LoadAsync(app, own.Id));
    }

    [Fact]
    public async Task AnAccountIsLinkedToItsEmployeeByEmailWhateverTheCase()
    {
        var roster = await RosterEntry.LoadAsync(app);
        var employee = roster[10];
        var email = employee.Email.ToUpperInvariant();
        await app.CreateAccountAsync(email, "a long enough passphrase", DirectoryRoles.Employee);
        using var client = await app.SignInAsync(email, "a long enough passphrase");

        using var own = await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "In" });
        using var other = await ApiJson.PutAsync(client, $"/api/employees/{roster[11].Id}/presence", new { status = "In" });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await ApiAssert.ProblemAsync(other, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnAccountWithNoEmployeeMayBrowseButSetNobodysPresence()
    {
        await app.CreateAccountAsync("visitor@contoso.example", "a long enough passphrase", DirectoryRoles.Employee);
        using var client = await app.SignInAsync("visitor@contoso.example", "a long enough passphrase");
        var someone = (await RosterEntry.LoadAsync(app))[12];

        using var read = await client.GetAsync(new Uri($"/api/employees/{someone.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var write = await ApiJson.PutAsync(client, $"/api/employees/{someone.Id}/presence", new { status = "In" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await ApiAssert.ProblemAsync(write, HttpStatusCode.Forbidden);
        Assert.Equal(someone, await RosterEntry.LoadAsync(app, someone.Id));
    }
}
