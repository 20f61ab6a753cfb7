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

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["ADMIN_PASSWORD"] = "compose-test-admin-passphrase",
        ["REDIS_PASSWORD"] = RedisPassword,
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
