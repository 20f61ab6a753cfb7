using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Core.RollCall;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using EmployeeDirectory.Web.Components.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Tests.Components;

/// <summary>
/// bUnit tests of whole pages over the real Core services (composed as Program.cs composes them, reading
/// through the real field cache) on a real SQLite file that is migrated, seeded and deleted per test.
/// The components get exactly what the app gives them: the three Core service interfaces.
/// </summary>
public abstract class DirectoryUiTest : MudBlazorTest, IAsyncLifetime
{
    private TestDatabase? _database;
    private DirectoryServicesHost? _core;

    protected IDirectoryService Directory => Services.GetRequiredService<IDirectoryService>();

    protected IPresenceService Presence => Services.GetRequiredService<IPresenceService>();

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(employees: 40, cancellationToken: TestContext.Current.CancellationToken);
        _core = await StartCoreAsync(_database);
        Services.AddSingleton(DirectoryAsSeenByPages(_core.Directory));
        Services.AddSingleton(PresenceServiceOf(_core));
        Services.AddSingleton(_core.Services.GetRequiredService<IDirectoryChangeFeed>());
        Services.AddSingleton(new LiveDirectory(_core.Services.GetRequiredService<IDirectoryChangeFeed>()));
        Services.AddSingleton(Options.Create(LiveOptions));
        Services.AddSingleton(_core.Services.GetRequiredService<IPresenceHistory>());
        Services.AddSingleton(_core.Services.GetRequiredService<IRollCallService>());
        Services.AddSingleton(_core.Services.GetRequiredService<StatusPrivacy>());

        // As a circuit renders the pages (prerendering is the browser tests' part).
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The directory service the pages get; a test may wrap the real one (to count queries).</summary>
    protected virtual IDirectoryService DirectoryAsSeenByPages(IDirectoryService directory) => directory;

    /// <summary>How open pages follow changes in this test (the app's defaults unless a test says otherwise).</summary>
    protected virtual LiveDirectoryOptions LiveOptions => new();

    /// <summary>The test's database file.</summary>
    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The test has not been initialised.");

    /// <summary>Starts the Core services over the test's database; a test may start them differently (other registrations).</summary>
    protected virtual Task<DirectoryServicesHost> StartCoreAsync(TestDatabase database) => DirectoryServicesHost.StartAsync(database);

    /// <summary>The presence service the components get: Core's, unless a test wraps it as the app does (its limit).</summary>
    protected virtual IPresenceService PresenceServiceOf(DirectoryServicesHost core) => core.Presence;

    /// <summary>The first page of the directory as the service returns it.</summary>
    protected async Task<IReadOnlyList<DirectoryRow>> FirstPageAsync(DirectoryQuery? query = null)
    {
        var result = await Directory.SearchAsync(query ?? new DirectoryQuery(), TestContext.Current.CancellationToken);
        Assert.True(result.IsOk);
        return result.Value!.Items;
    }

    protected async Task<EmployeeDetails> EmployeeAsync(int id) =>
        await Directory.GetEmployeeAsync(id, TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException($"Employee {id} is not in the test roster.");

    /// <summary>Saves a profile edit the way another user would, outside the rendered page.</summary>
    protected async Task<EmployeeDetails> EditElsewhereAsync(int id, Func<ProfileUpdate, ProfileUpdate> change)
    {
        var profile = (await EmployeeAsync(id)).Profile;
        var update = change(ProfileUpdate.From(profile));
        var result = await Directory.UpdateProfileAsync(id, update, TestContext.Current.CancellationToken);
        Assert.Equal(ServiceOutcome.Ok, result.Outcome);
        return result.Value!;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_core is not null)
        {
            await _core.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
