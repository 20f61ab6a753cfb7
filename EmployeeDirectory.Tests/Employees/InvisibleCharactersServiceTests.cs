using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>
/// The directory and presence services refuse control, bidi and zero-width characters with a field error
/// in every profile field and in notes, and a refused change saves nothing. One database for the class:
/// nothing here is saved.
/// </summary>
public sealed class InvisibleCharactersServiceTests(InvisibleCharactersServiceTests.Services services)
    : IClassFixture<InvisibleCharactersServiceTests.Services>
{
    private readonly DirectoryServicesHost _host = services.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("givenName")]
    [InlineData("familyName")]
    [InlineData("displayName")]
    [InlineData("title")]
    [InlineData("department")]
    [InlineData("email")]
    [InlineData("phone")]
    [InlineData("location")]
    public async Task EveryProfileFieldRefusesThemAndNothingIsSaved(string field)
    {
        var profile = await FirstProfileAsync();
        var update = With(ProfileUpdate.From(profile), field, "\u202E");

        var result = await _host.Directory.UpdateProfileAsync(profile.Id, update, Token);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        var message = Assert.Single(result.Errors[field]);
        Assert.Contains("(U+202E)", message, StringComparison.Ordinal);
        Assert.Equal(profile, (await _host.Directory.GetEmployeeAsync(profile.Id, Token))!.Profile);
    }

    [Fact]
    public async Task APresenceNoteRefusesThemAndNothingIsSaved()
    {
        var profile = await FirstProfileAsync();
        var before = (await _host.Directory.GetEmployeeAsync(profile.Id, Token))!.Status;

        var result = await _host.Presence.SetPresenceAsync(profile.Id, new PresenceUpdate(PresenceStatus.In, "back at 3\u0000pm"), TestActors.Admin(), Token);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal("The note contains an invisible or control character (U+0000); remove it.", Assert.Single(result.Errors["note"]));
        Assert.Equal(before, (await _host.Directory.GetEmployeeAsync(profile.Id, Token))!.Status);
    }

    private async Task<EmployeeProfile> FirstProfileAsync()
    {
        var id = (await _host.Directory.SearchAsync(new DirectoryQuery(), Token)).Value!.Items[0].Id;
        return (await _host.Directory.GetEmployeeAsync(id, Token))!.Profile;
    }

    /// <summary>The update with <paramref name="hidden"/> slipped into the middle of one field.</summary>
    private static ProfileUpdate With(ProfileUpdate update, string field, string hidden)
    {
        static string Spiked(string? value, string hidden) => (value is { Length: > 1 } text ? text.Insert(text.Length / 2, hidden) : "x" + hidden + "y");
        return field switch
        {
            "givenName" => update with { GivenName = Spiked(update.GivenName, hidden) },
            "familyName" => update with { FamilyName = Spiked(update.FamilyName, hidden) },
            "displayName" => update with { DisplayName = Spiked(update.DisplayName, hidden) },
            "title" => update with { Title = Spiked(update.Title, hidden) },
            "department" => update with { Department = Spiked(update.Department, hidden) },
            "email" => update with { Email = Spiked(update.Email, hidden) },
            "phone" => update with { Phone = Spiked(update.Phone, hidden) },
            "location" => update with { Location = Spiked(update.Location, hidden) },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    /// <summary>The Core services over a small roster, shared by the class.</summary>
    public sealed class Services : IAsyncLifetime
    {
        private TestDatabase? _database;

        public DirectoryServicesHost Host { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync(employees: 10, cancellationToken: Token);
            Host = await DirectoryServicesHost.StartAsync(_database);
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
