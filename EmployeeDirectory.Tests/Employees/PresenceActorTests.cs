using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>
/// The presence service itself enforces who may set whose status, whoever calls it (page, API, key):
/// an admin anyone's, an employee only their own. A refusal saves nothing.
/// </summary>
public sealed class PresenceActorTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DirectoryServicesHost _host = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(employees: 20, cancellationToken: Token);
        _host = await DirectoryServicesHost.StartAsync(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AnEmployeeSettingSomeoneElsesStatusIsForbiddenAndNothingIsSaved()
    {
        var (me, someoneElse) = await TwoEmployeesAsync();
        var before = (await _host.Directory.GetEmployeeAsync(someoneElse.Id, Token))!.Status;

        var result = await _host.Presence.SetPresenceAsync(someoneElse.Id, new PresenceUpdate(Flip(before.Presence), "not mine"), TestActors.Employee(me.Id, me.Email), Token);

        Assert.Equal(ServiceOutcome.Forbidden, result.Outcome);
        Assert.Equal(before, (await _host.Directory.GetEmployeeAsync(someoneElse.Id, Token))!.Status);
        Assert.Equal(before, await StoredStatusAsync(someoneElse.Id));
    }

    [Fact]
    public async Task AnEmployeeSetsTheirOwnStatusUnderTheirName()
    {
        var (me, _) = await TwoEmployeesAsync();

        var result = await _host.Presence.SetPresenceAsync(me.Id, new PresenceUpdate(PresenceStatus.In, "at my desk"), TestActors.Employee(me.Id, me.Email), Token);

        Assert.Equal(ServiceOutcome.Ok, result.Outcome);
        Assert.Equal((PresenceStatus.In, "at my desk", me.Email), (result.Value!.Presence, result.Value.Note, result.Value.ChangedBy));
    }

    [Fact]
    public async Task AnAdminSetsAnyonesStatus()
    {
        var (_, someoneElse) = await TwoEmployeesAsync();

        var result = await _host.Presence.SetPresenceAsync(someoneElse.Id, new PresenceUpdate(PresenceStatus.Out, null), TestActors.Admin("reception@example.com"), Token);

        Assert.Equal(ServiceOutcome.Ok, result.Outcome);
        Assert.Equal(PresenceStatus.Out, (await StoredStatusAsync(someoneElse.Id)).Presence);
    }

    [Fact]
    public async Task SomeoneLinkedToNoEmployeeMaySetNobodysStatus()
    {
        var (me, _) = await TwoEmployeesAsync();
        var before = await StoredStatusAsync(me.Id);

        var result = await _host.Presence.SetPresenceAsync(me.Id, new PresenceUpdate(Flip(before.Presence), null), new Core.Accounts.DirectoryActor("visitor@example.com", IsAdmin: false, EmployeeId: null), Token);

        Assert.Equal(ServiceOutcome.Forbidden, result.Outcome);
        Assert.Equal(before, await StoredStatusAsync(me.Id));
    }

    private static PresenceStatus Flip(PresenceStatus status) => status == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;

    private async Task<(DirectoryRow Me, DirectoryRow SomeoneElse)> TwoEmployeesAsync()
    {
        var page = (await _host.Directory.SearchAsync(new DirectoryQuery { PageSize = 2 }, Token)).Value!;
        return (page.Items[0], page.Items[1]);
    }

    /// <summary>The status as the database holds it, past every cache.</summary>
    private async Task<EmployeeStatus> StoredStatusAsync(int id)
    {
        await using var db = await _database.ContextFactory.CreateDbContextAsync(Token);
        var row = db.Employees.Single(e => e.Id == id);
        return new EmployeeStatus(id, row.Presence, row.PresenceNote, row.PresenceChangedAt, row.PresenceChangedBy);
    }
}
