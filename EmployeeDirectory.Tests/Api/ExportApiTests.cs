using System.Net;
using System.Text;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>GET /api/employees/export.csv and GET /api/employees/{id}/vcard.</summary>
public sealed class ExportApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private readonly HttpClient client = app.CreateApiClient(DirectoryRoles.Employee);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCsvHasAHeaderAndEveryoneInTheListsOrder()
    {
        using var response = await client.GetAsync("/api/employees/export.csv", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(EmployeeCsv.Header, rows[0]);
        var listed = await ApiJson.GetAsync<EmployeePageResponse>(client, "/api/employees?pageSize=100");
        Assert.Equal(listed.Items.Select(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[0]));
        Assert.All(rows, row => Assert.Equal(EmployeeCsv.Header.Length, row.Count));
    }

    [Fact]
    public async Task TheListsFiltersAndSortApply()
    {
        var department = (await RosterEntry.LoadAsync(app))[0].Department;
        var query = $"department={Uri.EscapeDataString(department)}&status=In&sort=NameDescending";
        var listed = await ApiJson.GetAsync<EmployeePageResponse>(client, $"/api/employees?{query}&pageSize=100");

        var rows = Csv.Parse(await client.GetStringAsync($"/api/employees/export.csv?{query}", Token));

        Assert.Equal(listed.Items.Select(i => i.DisplayName), rows.Skip(1).Select(r => r[1]));
        Assert.All(rows.Skip(1), row => Assert.Equal((department, "In"), (row[5], row[8])));
    }

    [Fact]
    public async Task CommasQuotesAndLineBreaksAreQuotedAndFormulasArePrefixed()
    {
        var target = (await RosterEntry.LoadAsync(app))[30];
        var admin = app.CreateApiClient();
        var edit = await ApiJson.PutAsync(admin, $"/api/employees/{target.Id}", new
        {
            givenName = target.GivenName,
            familyName = target.FamilyName,
            displayName = "Smith, \"Bob\"",
            title = "=HYPERLINK(\"http://evil.example\")",
            department = target.Department,
            email = target.Email,
            phone = "+1 206 555 0100",
            location = "@home",
            concurrencyStamp = target.ConcurrencyStamp,
        });
        edit.EnsureSuccessStatusCode();
        (await ApiJson.PutAsync(admin, $"/api/employees/{target.Id}/presence", new { status = "Out", note = "-5 degrees outside" })).EnsureSuccessStatusCode();

        var text = await client.GetStringAsync($"/api/employees/export.csv?q={Uri.EscapeDataString(target.Email)}", Token);

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"Smith, \"\"Bob\"\"\"", lines[1], StringComparison.Ordinal);
        var row = Csv.Parse(text)[1];
        Assert.Equal("Smith, \"Bob\"", row[1]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", row[4]);
        Assert.Equal("'@home", row[7]);
        Assert.Equal(target.Email, row[6]);

        // The roster holds neither the phone nor the note, and the export is served from it.
        Assert.DoesNotContain("206 555 0100", text, StringComparison.Ordinal);
        Assert.DoesNotContain("degrees outside", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadFilterIsA400AndNoFile()
    {
        using var response = await client.GetAsync("/api/employees/export.csv?status=Maybe", Token);

        await ApiAssert.FieldErrorAsync(response, "status");
    }

    [Fact]
    public async Task ItNeedsSignIn()
    {
        using var response = await app.CreateAnonymousClient().GetAsync("/api/employees/export.csv", Token);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AVCardCarriesTheProfileEscapedAndFolded()
    {
        var employee = (await RosterEntry.LoadAsync(app))[31];

        using var response = await client.GetAsync($"/api/employees/{employee.Id}/vcard", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vcard", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".vcf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var card = await response.Content.ReadAsStringAsync(Token);
        var lines = card.Split("\r\n");
        Assert.Equal("BEGIN:VCARD", lines[0]);
        Assert.Equal("VERSION:4.0", lines[1]);
        Assert.Contains($"FN:{VCard.Escape(employee.DisplayName)}", lines);
        Assert.Contains($"N:{VCard.Escape(employee.FamilyName)};{VCard.Escape(employee.GivenName)};;;", lines);
        Assert.Contains($"EMAIL;TYPE=work:{employee.Email}", lines);
        Assert.Contains(lines, line => line.StartsWith("TEL;", StringComparison.Ordinal) && line.EndsWith(employee.Phone, StringComparison.Ordinal));
        Assert.Equal("END:VCARD", lines[^2]);
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line over 75 octets: {line}"));
    }

    [Fact]
    public void VCardTextEscapesItsSeparatorsAndFoldsLongLines()
    {
        var card = new VCard(new Core.Employees.EmployeeProfile(1, "Ana", "Silva; Jr", "Ana, the \\ one", new string('x', 90), 1, "R&D", "ana@example.com", "", "", Guid.Empty)).Text();

        Assert.Contains("FN:Ana\\, the \\\\ one\r\n", card, StringComparison.Ordinal);
        Assert.Contains("N:Silva\\; Jr;Ana;;;\r\n", card, StringComparison.Ordinal);
        Assert.Contains("\r\n x", card, StringComparison.Ordinal);
        Assert.DoesNotContain("TEL", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVCardOfAnUnknownEmployeeIsA404()
    {
        using var response = await client.GetAsync("/api/employees/987654/vcard", Token);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>An RFC 4180 reader for the assertions: quoted fields, doubled quotes, CRLF records.</summary>
    private static class Csv
    {
        public static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i++;
                }
                else
                {
                    field.Append(c);
                }
            }

            if (field.Length > 0 || row.Count > 0)
            {
                row.Add(field.ToString());
                rows.Add(row);
            }

            return rows;
        }
    }
}
