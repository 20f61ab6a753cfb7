using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>The directory and presence services over a real SQLite file, reading through the L1-only cache.</summary>
public sealed class DirectoryServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DirectoryServicesHost _host = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(employees: 120, cancellationToken: Token);
        _host = await DirectoryServicesHost.StartAsync(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task BrowsingWithoutAQueryPagesThroughEveryoneSortedByFamilyName()
    {
        var first = await SearchAsync(new DirectoryQuery { PageSize = 50 });
        var third = await SearchAsync(new DirectoryQuery { PageSize = 50, Page = 3 });

        Assert.Equal(120, first.Total);
        Assert.Equal(50, first.Items.Count);
        Assert.Equal(20, third.Items.Count);
        var all = new List<DirectoryRow>();
        for (var page = 1; page <= 3; page++)
        {
            all.AddRange((await SearchAsync(new DirectoryQuery { PageSize = 50, Page = page })).Items);
        }

        Assert.Equal(120, all.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task SearchIsCaseInsensitiveAndMatchesNameTitleDepartmentAndEmail()
    {
        var someone = (await SearchAsync(new DirectoryQuery())).Items[3];
        var details = (await _host.Directory.GetEmployeeAsync(someone.Id, Token))!;

        foreach (var text in new[] { details.Profile.FamilyName.ToUpperInvariant(), details.Profile.GivenName.ToLowerInvariant(), details.Profile.Email.ToUpperInvariant() })
        {
            var found = await SearchAsync(new DirectoryQuery { Text = text, PageSize = 100 });
            Assert.Contains(found.Items, r => r.Id == someone.Id);
        }

        var byTitle = await SearchAsync(new DirectoryQuery { Text = details.Profile.Title.ToLowerInvariant(), PageSize = 100 });
        Assert.All(byTitle.Items, r => Assert.Contains(details.Profile.Title, r.Title + " " + r.DisplayName + " " + r.Department + " " + r.Email, StringComparison.OrdinalIgnoreCase));
        var byDepartment = await SearchAsync(new DirectoryQuery { Text = details.Profile.Department, PageSize = 100 });
        Assert.Contains(byDepartment.Items, r => r.Id == someone.Id);
    }

    [Fact]
    public async Task EveryTermOfAQueryMustMatch()
    {
        var row = (await SearchAsync(new DirectoryQuery())).Items[0];
        var parts = row.DisplayName.Split(' ');

        var both = await SearchAsync(new DirectoryQuery { Text = $"{parts[^1]} {parts[0]}" });
        var nonsense = await SearchAsync(new DirectoryQuery { Text = $"{parts[0]} zzzqqxx" });

        Assert.Contains(both.Items, r => r.Id == row.Id);
        Assert.Equal(0, nonsense.Total);
        Assert.Empty(nonsense.Items);
    }

    [Fact]
    public async Task DepartmentAndStatusFiltersNarrowTheResults()
    {
        var departments = await _host.Directory.GetDepartmentsAsync(Token);
        var department = departments.First(d => d.EmployeeCount > 1);

        var inDepartment = await SearchAsync(new DirectoryQuery { Department = department.Name.ToUpperInvariant(), PageSize = 100 });
        Assert.Equal(department.EmployeeCount, inDepartment.Total);
        Assert.All(inDepartment.Items, r => Assert.Equal(department.Name, r.Department));

        var everyone = await SearchAsync(new DirectoryQuery { PageSize = 100 });
        var inCount = (await SearchAsync(new DirectoryQuery { Status = PresenceStatus.In, PageSize = 100 })).Total;
        var outPage = await SearchAsync(new DirectoryQuery { Status = PresenceStatus.Out, PageSize = 100 });
        Assert.Equal(120, inCount + outPage.Total);
        Assert.All(outPage.Items, r => Assert.Equal(PresenceStatus.Out, r.Status.Presence));
        Assert.True(everyone.Total > 0);
    }

    [Fact]
    public async Task SortOrdersAreHonouredBothWays()
    {
        var byTitle = (await SearchAsync(new DirectoryQuery { Sort = DirectorySort.Title, PageSize = 100 })).Items.Select(r => r.Title).ToList();
        var byTitleDescending = (await SearchAsync(new DirectoryQuery { Sort = DirectorySort.TitleDescending, PageSize = 100 })).Items.Select(r => r.Title).ToList();

        Assert.Equal(byTitle.Order(StringComparer.InvariantCultureIgnoreCase), byTitle);
        Assert.Equal(byTitleDescending.OrderDescending(StringComparer.InvariantCultureIgnoreCase), byTitleDescending);
    }

    [Theory]
    [InlineData(0, 25, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 101, "pageSize")]
    public async Task AnOutOfRangePageIsRefusedWithAFieldError(int page, int pageSize, string field)
    {
        var result = await _host.Directory.SearchAsync(new DirectoryQuery { Page = page, PageSize = pageSize }, Token);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task AQueryOverTwoHundredCharactersIsRefused()
    {
        var result = await _host.Directory.SearchAsync(new DirectoryQuery { Text = new string('a', 201) }, Token);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Contains("200", result.Errors["q"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingPresenceIsVisibleToTheNextReadWithItsNote()
    {
        var id = (await SearchAsync(new DirectoryQuery { Status = PresenceStatus.Out })).Items[0].Id;
        await _host.Directory.GetEmployeeAsync(id, Token);

        var set = await _host.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.In, "  back at 3pm  "), TestActors.Admin("reception@example.com"), Token);
        var after = await _host.Directory.GetEmployeeAsync(id, Token);

        Assert.Equal(ServiceOutcome.Ok, set.Outcome);
        Assert.Equal(PresenceStatus.In, after!.Status.Presence);
        Assert.Equal("back at 3pm", after.Status.Note);
        Assert.Equal("reception@example.com", after.Status.ChangedBy);
        Assert.Contains((await SearchAsync(new DirectoryQuery { Status = PresenceStatus.In, PageSize = 100 })).Items, r => r.Id == id);
    }

    [Fact]
    public async Task ANoteOverOneHundredFortyCharactersIsRefusedAndNothingChanges()
    {
        var id = (await SearchAsync(new DirectoryQuery())).Items[0].Id;
        var before = await _host.Directory.GetEmployeeAsync(id, Token);

        var result = await _host.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.In, new string('x', 141)), TestActors.Admin("me"), Token);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey("note"));
        Assert.Equal(before!.Status, (await _host.Directory.GetEmployeeAsync(id, Token))!.Status);
    }

    [Fact]
    public async Task UnknownEmployeesAreNotFound()
    {
        Assert.Null(await _host.Directory.GetEmployeeAsync(999_999, Token));
        Assert.Equal(ServiceOutcome.NotFound, (await _host.Presence.SetPresenceAsync(999_999, new PresenceUpdate(PresenceStatus.In, null), TestActors.Admin("me"), Token)).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await _host.Directory.UpdateProfileAsync(999_999, new ProfileUpdate { ConcurrencyStamp = Guid.NewGuid() }, Token)).Outcome);
    }

    [Fact]
    public async Task AProfileEditIsSavedAndFoundBySearchUnderTheNewName()
    {
        var profile = await ProfileAsync();

        var result = await _host.Directory.UpdateProfileAsync(profile.Id, ProfileUpdate.From(profile) with { FamilyName = "Quixotefield" }, Token);

        Assert.Equal(ServiceOutcome.Ok, result.Outcome);
        Assert.Equal("Quixotefield", result.Value!.Profile.FamilyName);
        Assert.NotEqual(profile.ConcurrencyStamp, result.Value.Profile.ConcurrencyStamp);
        var found = await SearchAsync(new DirectoryQuery { Text = "quixotefield" });
        Assert.Equal(profile.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task AnEditBasedOnAStaleVersionIsAConflictAndDoesNotOverwrite()
    {
        var profile = await ProfileAsync();
        var first = await _host.Directory.UpdateProfileAsync(profile.Id, ProfileUpdate.From(profile) with { Title = "Chief Listener" }, Token);

        var second = await _host.Directory.UpdateProfileAsync(profile.Id, ProfileUpdate.From(profile) with { Title = "Overwriter" }, Token);

        Assert.Equal(ServiceOutcome.Ok, first.Outcome);
        Assert.Equal(ServiceOutcome.Conflict, second.Outcome);
        Assert.Equal("Chief Listener", second.Value!.Profile.Title);
        Assert.Equal("Chief Listener", (await _host.Directory.GetEmployeeAsync(profile.Id, Token))!.Profile.Title);
    }

    [Fact]
    public async Task InvalidProfileFieldsAreReportedPerFieldAndNothingIsSaved()
    {
        var profile = await ProfileAsync();

        var result = await _host.Directory.UpdateProfileAsync(
            profile.Id,
            ProfileUpdate.From(profile) with { GivenName = " ", Email = "not-an-email", Department = "Nowhere", Phone = "call me" },
            Token);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal(["department", "email", "givenName", "phone"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(profile, (await _host.Directory.GetEmployeeAsync(profile.Id, Token))!.Profile);
    }

    [Fact]
    public async Task AnEmailAlreadyUsedByAnotherEmployeeIsRefused()
    {
        var rows = (await SearchAsync(new DirectoryQuery())).Items;
        var profile = (await _host.Directory.GetEmployeeAsync(rows[0].Id, Token))!.Profile;

        var result = await _host.Directory.UpdateProfileAsync(profile.Id, ProfileUpdate.From(profile) with { Email = rows[1].Email.ToUpperInvariant() }, Token);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey("email"));
    }

    private async Task<DirectoryPage> SearchAsync(DirectoryQuery query)
    {
        var result = await _host.Directory.SearchAsync(query, Token);
        Assert.Equal(ServiceOutcome.Ok, result.Outcome);
        return result.Value!;
    }

    private async Task<EmployeeProfile> ProfileAsync()
    {
        var id = (await SearchAsync(new DirectoryQuery())).Items[5].Id;
        return (await _host.Directory.GetEmployeeAsync(id, Token))!.Profile;
    }
}
