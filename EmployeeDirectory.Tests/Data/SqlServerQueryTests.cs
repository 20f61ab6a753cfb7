using System.Text.RegularExpressions;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Tests.Data;

/// <summary>
/// Every query the Core services and the cache's loaders run, translated by the SQL Server provider on a
/// context configured for SQL Server (no server: <see cref="SqlServerRehearsal"/>), with the parts that carry
/// meaning asserted. The SQL is compared with parameter names as <c>@p</c> and whitespace collapsed.
/// A new query in a service is one more line in <see cref="Operations"/>.
/// </summary>
public sealed partial class SqlServerQueryTests
{
    private const int Id = 7;
    private static readonly Guid LoadedStamp = Guid.Parse("0b3f3c1e-8a1d-4f0e-9a55-5f1f2b6c7d80");

    private static readonly Department Engineering = new() { Id = 3, Name = "Engineering" };

    private static readonly Employee Ada = new()
    {
        Id = Id, GivenName = "Ada", FamilyName = "Lovelace", DisplayName = "Ada Lovelace", Title = "Engineer", DepartmentId = Engineering.Id,
        Email = "ada@contoso.example", NormalizedEmail = "ADA@CONTOSO.EXAMPLE", ConcurrencyStamp = LoadedStamp, Presence = PresenceStatus.In,
    };

    /// <summary>The profile loader's row: the employee's columns and the department's name.</summary>
    private static readonly object AdaWithDepartment = new
    {
        Ada.Id, Ada.GivenName, Ada.FamilyName, Ada.DisplayName, Ada.Title, Ada.DepartmentId, Engineering.Name, Ada.Email, Ada.Phone, Ada.Location, Ada.ConcurrencyStamp,
    };

    /// <summary>The editor changes the title and types the email in another case.</summary>
    private static readonly ProfileUpdate TitleEdit = ProfileUpdate.From(new EmployeeProfile(
        Id, Ada.GivenName, Ada.FamilyName, Ada.DisplayName, "Chief Engineer", Engineering.Id, Engineering.Name, " Ada@Contoso.Example ", "", "", LoadedStamp));

    /// <summary>What a profile edit reads before it saves: the employee, the departments, "is the email taken?" (no).</summary>
    private static readonly SqlServerAnswer[] EditAnswers =
        [SqlServerAnswer.Rows(Ada), SqlServerAnswer.Rows(Engineering), SqlServerAnswer.Value(false), SqlServerAnswer.Value(1)];

    private static readonly Dictionary<string, Rehearsed> Operations = new()
    {
        ["profile loader"] = new(s => s.Loader.ProfileAsync(Id, default), [], "SELECT TOP(2)", "FROM [Employees] AS [e] INNER JOIN [Departments] AS [d] ON [e].[DepartmentId] = [d].[Id] WHERE [e].[Id] = @p"),
        ["status loader, a page of ids"] = new(s => s.Loader.StatusesAsync([3, 5, 8], default), [], "[e].[PresenceChangedBy] FROM [Employees] AS [e] WHERE [e].[Id] IN (@p, @p, @p)"),
        ["roster loader"] = new(s => s.Loader.RosterAsync(default), [], "INNER JOIN [Departments] AS [d] ON [e].[DepartmentId] = [d].[Id] ORDER BY [e].[Id]", "(SELECT COUNT(*) FROM [Employees] AS [e] WHERE [d].[Id] = [e].[DepartmentId]) FROM [Departments] AS [d]"),
        ["presence loader"] = new(s => s.Loader.PresenceAsync(default), [], $"SELECT [e].[Id] FROM [Employees] AS [e] WHERE [e].[Presence] = {(int)PresenceStatus.In}"),
        ["search, In filter, second page"] = new(s => s.Directory.SearchAsync(new DirectoryQuery { Text = "ada", Status = PresenceStatus.In, Page = 2 }, default), [], "ORDER BY [e].[Id]", $"WHERE [e].[Presence] = {(int)PresenceStatus.In}"),
        ["one employee"] = new(s => s.Directory.GetEmployeeAsync(Id, default), [SqlServerAnswer.Rows(AdaWithDepartment)], "[d].[Name], [e].[Email]", "[e].[PresenceChangedBy] FROM [Employees] AS [e] WHERE [e].[Id] = @p"),
        ["departments"] = new(s => s.Directory.GetDepartmentsAsync(default), [], "FROM [Departments] AS [d]"),
        ["presence change"] = new(s => s.Presence.SetPresenceAsync(Id, new PresenceUpdate(PresenceStatus.Out, "back at 3"), "tests", default), [], "UPDATE [e] SET [e].[Presence] = @p, [e].[PresenceNote] = @p, [e].[PresenceChangedAt] = @p, [e].[PresenceChangedBy] = @p FROM [Employees] AS [e] WHERE [e].[Id] = @p"),
        ["profile edit"] = new(s => s.Directory.UpdateProfileAsync(Id, TitleEdit, default), EditAnswers, "WHERE [e].[NormalizedEmail] = @p AND [e].[Id] <> @p", "UPDATE [Employees] SET [ConcurrencyStamp] = @p, [Email] = @p, [Title] = @p OUTPUT 1 WHERE [Id] = @p AND [ConcurrencyStamp] = @p;"),
    };

    public static TheoryData<string> OperationNames => [.. Operations.Keys];

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task EachQueryTranslatesForSqlServerWithTheMeaningfulParts(string operation)
    {
        var rehearsed = Operations[operation];
        await using var rehearsal = SqlServerRehearsal.Create();
        var sql = await rehearsal.RunAsync(rehearsed.Run, rehearsed.Answers);

        Assert.NotEmpty(sql);
        var all = string.Join(Environment.NewLine, sql.Select(statement => Normalised(statement.Sql)));
        Assert.All(rehearsed.Expected, part => Assert.True(all.Contains(part, StringComparison.Ordinal), $"Expected «{part}» in:{Environment.NewLine}{all}"));
    }

    [Fact]
    public async Task AProfileSaveUpdatesOnlyWhileTheRowStillHasTheStampTheEditorLoaded()
    {
        await using var rehearsal = SqlServerRehearsal.Create();
        var sql = await rehearsal.RunAsync(s => s.Directory.UpdateProfileAsync(Id, TitleEdit, default), EditAnswers);

        var update = Assert.Single(sql, statement => statement.Sql.Contains("UPDATE [Employees]", StringComparison.Ordinal));
        var where = StampInWhere().Match(update.Sql);
        Assert.True(where.Success, update.Sql);
        Assert.Equal(LoadedStamp, update.Parameters[where.Groups["parameter"].Value]);
        var newStamp = update.Parameters[StampInSet().Match(update.Sql).Groups["parameter"].Value];
        Assert.NotEqual(LoadedStamp, newStamp);
    }

    [Fact]
    public async Task TheEmailCheckComparesTheNormalisedColumnWithTheNormalisedAddress()
    {
        await using var rehearsal = SqlServerRehearsal.Create();
        var sql = await rehearsal.RunAsync(s => s.Directory.UpdateProfileAsync(Id, TitleEdit, default), EditAnswers);

        var check = Assert.Single(sql, statement => statement.Sql.Contains("[NormalizedEmail] =", StringComparison.Ordinal));
        var parameter = EmailInWhere().Match(check.Sql).Groups["parameter"].Value;
        Assert.Equal("ADA@CONTOSO.EXAMPLE", check.Parameters[parameter]);
    }

    private static string Normalised(string sql) => Whitespace().Replace(Parameter().Replace(sql, "@p"), " ").Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal);

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"WHERE .*\[ConcurrencyStamp\] = (?<parameter>@\w+)")]
    private static partial Regex StampInWhere();

    [GeneratedRegex(@"SET .*?\[ConcurrencyStamp\] = (?<parameter>@\w+)")]
    private static partial Regex StampInSet();

    [GeneratedRegex(@"\[NormalizedEmail\] = (?<parameter>@\w+)")]
    private static partial Regex EmailInWhere();

    /// <summary>One operation: how to run it, what the pretend server answers in turn, and SQL fragments that must appear.</summary>
    private sealed record Rehearsed(Func<SqlServerRehearsal, Task> Run, SqlServerAnswer[] Answers, params string[] Expected);
}
