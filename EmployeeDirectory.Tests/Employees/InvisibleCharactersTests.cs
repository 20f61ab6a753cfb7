using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>
/// Control characters, bidi embeddings, overrides and isolates, and zero-width characters are refused
/// with a field error naming the character, in every profile field and in presence notes; everything a
/// person types in any script is accepted. A refused edit saves nothing.
/// </summary>
public sealed class InvisibleCharactersTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DirectoryServicesHost _host = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Refused() => new()
    {
        { "\u0000", "U+0000" },        // NUL
        { "\t", "U+0009" },            // tab
        { "\n", "U+000A" },            // new line
        { "\u001B", "U+001B" },        // escape
        { "\u007F", "U+007F" },        // delete
        { "\u0085", "U+0085" },        // next line
        { "\u202E", "U+202E" },        // right-to-left override
        { "\u202A", "U+202A" },        // left-to-right embedding
        { "\u2066", "U+2066" },        // left-to-right isolate
        { "\u2069", "U+2069" },        // pop directional isolate
        { "\u200B", "U+200B" },        // zero-width space
        { "\u200C", "U+200C" },        // zero-width non-joiner
        { "\u200D", "U+200D" },        // zero-width joiner
        { "\u200F", "U+200F" },        // right-to-left mark
        { "\u2060", "U+2060" },        // word joiner
        { "\uFEFF", "U+FEFF" },        // byte order mark
        { "\u00AD", "U+00AD" },        // soft hyphen
        { "\u2028", "U+2028" },        // line separator
        { "\U000E0041", "U+E0041" },   // tag character
    };

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(employees: 10, cancellationToken: Token);
        _host = await DirectoryServicesHost.StartAsync(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void EachInvisibleCharacterIsNamedByItsCodePoint(string character, string codePoint) =>
        Assert.Equal(
            $"Title contains an invisible or control character ({codePoint}); remove it.",
            InvisibleCharacters.Describe($"Head of{character} Sales", "Title"));

    [Theory]
    [InlineData("José Núñez")]
    [InlineData("Zoë O'Brien-Smith")]
    [InlineData("محمد عبد الله")]
    [InlineData("שרה כהן")]
    [InlineData("李小龍")]
    [InlineData("Ольга Петрова")]
    [InlineData("Nguyễn Văn An")]
    [InlineData("Team lead 🚀")]
    [InlineData("")]
    [InlineData(null)]
    public void WhatPeopleTypeInAnyScriptIsAccepted(string? value) =>
        Assert.Null(InvisibleCharacters.Describe(value, "Name"));

    [Fact]
    public void AnUnpairedSurrogateIsRefusedAsBroken() =>
        Assert.Contains("unpaired surrogate", InvisibleCharacters.Describe("Ann\uD800", "Given name"), StringComparison.Ordinal);

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
}
