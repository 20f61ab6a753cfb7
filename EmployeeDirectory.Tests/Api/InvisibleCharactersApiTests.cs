using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>The API refuses control, bidi and zero-width characters with a 400 naming the field; nothing is saved.</summary>
public sealed class InvisibleCharactersApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient(DirectoryRoles.Admin);

    [Fact]
    public async Task AProfileWithANulInAFieldIsA400ForThatFieldAndChangesNothing()
    {
        var id = (await app.DemoEmployeesAsync())[0].Id;
        var before = await RosterEntry.LoadAsync(app, id);

        using var response = await ApiJson.PutAsync(_client, $"/api/employees/{id}", new
        {
            givenName = "Ann\u0000",
            familyName = before.FamilyName,
            title = before.Title,
            department = before.Department,
            email = before.Email,
            phone = before.Phone,
            location = before.Location,
            concurrencyStamp = before.ConcurrencyStamp,
        });

        var problem = await ApiAssert.FieldErrorAsync(response, "givenName");
        Assert.Contains("(U+0000)", problem.GetProperty("errors").GetProperty("givenName")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RosterEntry.LoadAsync(app, id));
    }

    [Fact]
    public async Task ANoteWithARightToLeftOverrideIsA400ForTheNoteAndChangesNothing()
    {
        var id = (await app.DemoEmployeesAsync())[1].Id;
        var before = await RosterEntry.LoadAsync(app, id);
        var target = before.Presence == PresenceStatus.In ? "Out" : "In";

        using var response = await ApiJson.PutAsync(_client, $"/api/employees/{id}/presence", new { status = target, note = "back at \u202E3pm" });

        var problem = await ApiAssert.FieldErrorAsync(response, "note");
        Assert.Contains("(U+202E)", problem.GetProperty("errors").GetProperty("note")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RosterEntry.LoadAsync(app, id));
    }
}
