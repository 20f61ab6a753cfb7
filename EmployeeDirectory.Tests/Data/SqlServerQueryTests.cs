using System.Text.RegularExpressions;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;

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

    /// <summary>An aggregate's loader first asks whether seeding runs: it does not.</summary>
    private static readonly SqlServerAnswer[] NotSeeding = [SqlServerAnswer.Value(false)];

    /// <summary>The status row a presence change reads back inside its transaction.</summary>
    private static readonly object AdaStatus = new { Ada.Id, Presence = (int)PresenceStatus.Out, PresenceNote = "back at 3", PresenceChangedAt = DateTimeOffset.UnixEpoch, PresenceChangedBy = "admin", PresenceVersion = 42L, PresenceUntil = (DateTimeOffset?)null };

    /// <summary>The editor changes the title and types the email in another case.</summary>
    private static readonly ProfileUpdate TitleEdit = ProfileUpdate.From(new EmployeeProfile(
        Id, Ada.GivenName, Ada.FamilyName, Ada.DisplayName, "Chief Engineer", Engineering.Id, Engineering.Name, " Ada@Contoso.Example ", "", "", LoadedStamp));

    /// <summary>What a profile edit reads before it saves: the employee, the departments, "is the email taken?" (no).</summary>
    private static readonly SqlServerAnswer[] EditAnswers =
        [SqlServerAnswer.Rows(Ada), SqlServerAnswer.Rows(Engineering), SqlServerAnswer.Value(false), SqlServerAnswer.Value(1)];

    private static readonly Dictionary<string, Rehearsed> Operations = new()
    {
        ["profile loader"] = new(s => s.Loader.ProfileAsync(Id, default), [], "SELECT TOP(2)", "FROM [Employees] AS [e] INNER JOIN [Departments] AS [d] ON [e].[DepartmentId] = [d].[Id] WHERE [e].[Id] = @p"),
        ["status loader, a page of ids"] = new(s => s.Loader.StatusesAsync([3, 5, 8], default), [], "[e].[PresenceChangedBy], [e].[PresenceVersion], [e].[PresenceUntil] FROM [Employees] AS [e] WHERE [e].[Id] IN (@p, @p, @p)"),
        ["roster loader"] = new(s => s.Loader.RosterMembersAsync(default), NotSeeding, "FROM [CacheGeneration] AS [c] WHERE [c].[SeedingSinceMs] IS NOT NULL", "INNER JOIN [Departments] AS [d] ON [e].[DepartmentId] = [d].[Id] ORDER BY [e].[Id]", "[e].[ProfileVersion]", "SELECT [d].[Id], [d].[Name] FROM [Departments] AS [d]"),
        ["presence loader"] = new(s => s.Loader.PresenceMembersAsync(default), NotSeeding, "SELECT [e].[Id], [e].[PresenceVersion], [e].[Presence], [e].[PresenceUntil] FROM [Employees] AS [e]"),
        ["search, In filter, second page"] = new(s => s.Directory.SearchAsync(new DirectoryQuery { Text = "ada", Status = PresenceStatus.In, Page = 2 }, default), [SqlServerAnswer.Value(false), SqlServerAnswer.Nothing, SqlServerAnswer.Nothing, SqlServerAnswer.Value(false)], "ORDER BY [e].[Id]", "[e].[PresenceVersion], [e].[Presence], [e].[PresenceUntil] FROM [Employees]"),
        ["one employee"] = new(s => s.Directory.GetEmployeeAsync(Id, default), [SqlServerAnswer.Rows(AdaWithDepartment)], "[d].[Name], [e].[Email]", "[e].[PresenceChangedBy], [e].[PresenceVersion], [e].[PresenceUntil] FROM [Employees] AS [e] WHERE [e].[Id] = @p"),
        ["departments"] = new(s => s.Directory.GetDepartmentsAsync(default), NotSeeding, "FROM [Departments] AS [d]"),
        ["presence change, naming the stamp it replaces"] = new(
            s => s.Presence.SetPresenceAsync(Id, new PresenceUpdate(PresenceStatus.Out, "back at 3", ExpectedStamp: 42), TestActors.Admin(), default),
            [SqlServerAnswer.Rows(AdaStatus), SqlServerAnswer.Batch(SqlServerAnswer.Value(1L), SqlServerAnswer.Value(1L))],
            "UPDATE [e] SET [e].[Presence] = @p, [e].[PresenceNote] = @p, [e].[PresenceUntil] = NULL, [e].[PresenceChangedAt] = @p, [e].[PresenceChangedBy] = @p, [e].[PresenceVersion] = [e].[PresenceVersion] + CAST(1 AS bigint) FROM [Employees] AS [e] WHERE [e].[Id] = @p AND [e].[PresenceVersion] = @p",
            "INSERT INTO [PresenceHistory]",
            "INSERT INTO [CacheIntents] ([CreatedAtMs], [Payload], [SentAtMs])"),
        ["outbox: unsent intents"] = new(s => s.Outbox.UnsentAsync(500, default), [], "FROM [CacheIntents] AS [c] WHERE [c].[SentAtMs] IS NULL ORDER BY [c].[Id]"),
        ["outbox: catch-up since"] = new(s => s.Outbox.CreatedSinceAsync(DateTimeOffset.UnixEpoch, 100, default), [], "FROM [CacheIntents] AS [c] WHERE [c].[CreatedAtMs] >= @p ORDER BY [c].[Id]"),
        ["outbox: mark sent"] = new(s => s.Outbox.MarkSentAsync([1, 2], DateTimeOffset.UnixEpoch, default), [], "UPDATE [c] SET [c].[SentAtMs] = @p FROM [CacheIntents] AS [c] WHERE [c].[Id] IN (@p, @p) AND [c].[SentAtMs] IS NULL"),
        ["outbox: prune"] = new(s => s.Outbox.PruneAsync(DateTimeOffset.UnixEpoch, default), [SqlServerAnswer.Value(9L)], "DELETE FROM [c] FROM [CacheIntents] AS [c] WHERE [c].[SentAtMs] IS NOT NULL AND [c].[SentAtMs] < @p AND [c].[Id] <> @p"),
        ["cache generation"] = new(s => s.Generations.AdvanceAsync(3, default), [SqlServerAnswer.Value(4L)], "UPDATE [c] SET [c].[Generation] = CASE WHEN [c].[Generation] >= @p THEN [c].[Generation] + CAST(1 AS bigint) ELSE @p END FROM [CacheGeneration] AS [c] WHERE [c].[Id] = 1"),
        ["profile edit"] = new(s => s.Directory.UpdateProfileAsync(Id, TitleEdit, default), EditAnswers, "WHERE [e].[NormalizedEmail] = @p AND [e].[Id] <> @p", "UPDATE [Employees] SET [ConcurrencyStamp] = @p, [Email] = @p, [ProfileVersion] = @p, [Title] = @p OUTPUT 1 WHERE [Id] = @p AND [ConcurrencyStamp] = @p;", "INSERT INTO [CacheIntents]"),
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
