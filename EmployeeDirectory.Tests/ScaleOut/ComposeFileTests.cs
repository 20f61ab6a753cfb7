using System.Text.RegularExpressions;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Observability;
using YamlDotNet.RepresentationModel;

namespace EmployeeDirectory.Tests.ScaleOut;

/// <summary>
/// docker-compose.yml as docker-compose itself reads it (<c>docker-compose config</c>, no container engine
/// needed): it is valid, the replicas are checked for readiness and start in order, Redis needs a password,
/// and nginx proxies to exactly the replicas compose runs.
/// </summary>
public sealed partial class ComposeFileTests
{
    private const string RedisPassword = "compose-test-redis-secret";
    private const string DatabasePassword = "Compose-Test-Db-1";
    private const string KeyRingPassword = "compose-test-key-ring";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["ADMIN_PASSWORD"] = "compose-test-admin-passphrase",
        ["REDIS_PASSWORD"] = RedisPassword,
        ["DIRECTORY_DB_PASSWORD"] = DatabasePassword,
        ["KEY_RING_PASSWORD"] = KeyRingPassword,
        ["ADMIN_EMAIL"] = null,
        ["MSSQL_SA_PASSWORD"] = null,
        ["HTTP_PORT"] = null,
        ["COMPOSE_FILE"] = null,
        ["COMPOSE_PROJECT_NAME"] = null,
    };

    [Fact]
    public async Task DockerComposeAcceptsTheFile()
    {
        var check = await ComposeAsync(Settings, "config", "-q");
        Assert.True(check.ExitCode == 0, check.StandardError);
    }

    [Fact]
    public async Task ComposeRefusesToRunWithoutARedisPassword()
    {
        var check = await ComposeAsync(new Dictionary<string, string?>(Settings) { ["REDIS_PASSWORD"] = null }, "config", "-q");
        Assert.NotEqual(0, check.ExitCode);
        Assert.Contains("set REDIS_PASSWORD", check.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KEY_RING_PASSWORD")]
    [InlineData("DIRECTORY_DB_PASSWORD")]
    public async Task ComposeRefusesToRunWithoutTheKeyRingOrTheAppsDatabasePassword(string variable)
    {
        var check = await ComposeAsync(new Dictionary<string, string?>(Settings) { [variable] = null }, "config", "-q");
        Assert.NotEqual(0, check.ExitCode);
        Assert.Contains($"set {variable}", check.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReplicasEncryptTheKeyRingWithTheMountedCertificate()
    {
        var services = await ServicesAsync();
        var secret = Yaml.Documents((await ComposeAsync(Settings, "config")).StandardOutput).Single().At("secrets", "key-ring.pfx").Text("file");
        Assert.EndsWith("/deploy/key-ring/key-ring.pfx", secret, StringComparison.Ordinal);
        foreach (var web in new[] { "web1", "web2" })
        {
            Assert.Equal("key-ring.pfx", Assert.Single(services.At(web, "secrets").Items()).Text("source"));
            Assert.Equal("/run/secrets/key-ring.pfx", services.Text(web, "environment", "DataProtection__CertificatePath"));
            Assert.Equal(KeyRingPassword, services.Text(web, "environment", "DataProtection__CertificatePassword"));
        }
    }

    [Fact]
    public async Task TheReplicasConnectWithTheirOwnLoginWhichIsMadeBeforeThemAndNeverAsSa()
    {
        var services = await ServicesAsync();
        foreach (var web in new[] { "web1", "web2" })
        {
            var connection = services.Text(web, "environment", "ConnectionStrings__Directory");
            Assert.Contains("User Id=directory_app;", connection, StringComparison.Ordinal);
            Assert.Contains($"Password={DatabasePassword};", connection, StringComparison.Ordinal);
            Assert.DoesNotContain("User Id=sa;", connection, StringComparison.Ordinal);
            Assert.Equal("service_completed_successfully", services.Text(web, "depends_on", "sqlserver-init", "condition"));
        }

        var init = string.Join(' ', services.At("sqlserver-init", "command").Items().Select(part => part.Text()));
        Assert.Contains("-v AppLogin=directory_app", init, StringComparison.Ordinal);
        Assert.Contains("/app-login.sql", init, StringComparison.Ordinal);
        Assert.Equal(DatabasePassword, services.Text("sqlserver-init", "environment", "DIRECTORY_DB_PASSWORD"));
        Assert.Contains("CREATE LOGIN [$(AppLogin)]", await File.ReadAllTextAsync(RepositoryLayout.Combine("deploy", "sqlserver", "app-login.sql"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain("sysadmin", await File.ReadAllTextAsync(RepositoryLayout.Combine("deploy", "sqlserver", "app-login.sql"), TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EachReplicaIsCheckedForReadinessAndTheyStartOneAfterTheOther()
    {
        var services = await ServicesAsync();
        foreach (var web in new[] { "web1", "web2" })
        {
            var test = string.Join(' ', services.At(web, "healthcheck", "test").Items().Select(part => part.Text()));
            Assert.Contains($"GET {ObservabilityHostingExtensions.ReadyPath} ", test, StringComparison.Ordinal);
            Assert.Equal(web, services.Text(web, "environment", "Replica__Name"));
        }

        Assert.Equal("service_healthy", services.Text("web2", "depends_on", "web1", "condition"));
        Assert.Equal("service_healthy", services.Text("nginx", "depends_on", "web1", "condition"));
        Assert.Equal("service_healthy", services.Text("nginx", "depends_on", "web2", "condition"));
        // Only the first replica may seed an empty database.
        Assert.Equal("0", services.Text("web2", "environment", "Database__SeedEmployees"));
    }

    [Fact]
    public async Task RedisRequiresThePasswordTheReplicasConnectWith()
    {
        var services = await ServicesAsync();
        var command = string.Join(' ', services.At("redis", "command").Items().Select(part => part.Text()));
        // docker-compose config keeps the file's $$ escape; the container's shell sees $REDIS_PASSWORD.
        Assert.Contains("--requirepass \"$$REDIS_PASSWORD\"", command, StringComparison.Ordinal);
        Assert.Equal(RedisPassword, services.Text("redis", "environment", "REDIS_PASSWORD"));
        foreach (var web in new[] { "web1", "web2" })
        {
            Assert.Contains($",password={RedisPassword},", services.Text(web, "environment", "ConnectionStrings__Redis"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NginxRunsTheCommittedConfigWhichProxiesToExactlyTheReplicasComposeRuns()
    {
        var services = await ServicesAsync();
        var volume = Assert.Single(services.At("nginx", "volumes").Items()).Text();
        Assert.Matches(@"/deploy/nginx\.conf:/etc/nginx/conf\.d/default\.conf:ro$", volume);

        var port = DockerfilePort().Match(File.ReadAllText(RepositoryLayout.Combine("Dockerfile"))).Groups["port"].Value;
        var replicas = services.Keys().Where(name => services.Find(name, "environment", "Replica__Name") is not null).Select(name => $"{name}:{port}");
        var upstreams = UpstreamServer().Matches(File.ReadAllText(RepositoryLayout.Combine("deploy", "nginx.conf"))).Select(m => m.Groups["address"].Value);
        Assert.Equal(replicas.Order(), upstreams.Order());
    }

    private static async Task<YamlNode> ServicesAsync()
    {
        var config = await ComposeAsync(Settings, "config");
        config.EnsureSuccess();
        return Yaml.Documents(config.StandardOutput).Single().At("services");
    }

    private static Task<CommandResult> ComposeAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        CommandLine.RunAsync(
            Executables.Find("docker-compose", "docker-compose"),
            ["--project-directory", RepositoryLayout.Root, "-f", RepositoryLayout.Combine("docker-compose.yml"), .. arguments],
            environment,
            cancellationToken: TestContext.Current.CancellationToken);

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(?<port>\d+)")]
    private static partial Regex DockerfilePort();

    [GeneratedRegex(@"^\s*server (?<address>\S+) ", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();
}
