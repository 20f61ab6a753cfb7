using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Browser;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth.ApiKeys;

namespace EmployeeDirectory.Tests.ScaleOut;

/// <summary>
/// scripts/cluster.sh as an operator runs it. In the browser collection only so that it never runs beside
/// the other multi-process tests on a two-core machine.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ClusterScriptTests
{
    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task UpStartsEveryPartBehindNginxHandsTheEnvironmentToEveryReplicaAndDownStopsThemAll()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var state = Directory.CreateTempSubdirectory("employee-directory-cluster-state-").FullName;
        var port = LoopbackPort.Free();
        var apiKey = $"cluster-script-test-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string?>
        {
            ["CLUSTER_DIR"] = state,
            ["Auth__SeedApiKey"] = apiKey,
            ["ASPNETCORE_ENVIRONMENT"] = null,
        };
        try
        {
            var up = (await ClusterAsync(environment, "up", "--replicas", "2", "--employees", "20", "--port", $"{port}", "--no-build")).EnsureSuccess();

            var lines = up.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"http://127.0.0.1:{port}", lines[0]);
            var replicas = lines[1..].Select(line => ReplicaLine().Match(line)).ToList();
            Assert.Equal(2, replicas.Count);
            Assert.All(replicas, replica => Assert.True(replica.Success, $"Not a replica line: {replica.Value}"));
            Assert.Equal(["replica-1", "replica-2"], replicas.Select(r => r.Groups["name"].Value));

            // The key given to `up` reached every replica: each one, asked directly, accepts it.
            foreach (var replica in replicas)
            {
                using var direct = new HttpClient { BaseAddress = new Uri(replica.Groups["url"].Value) };
                direct.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
                using var response = await direct.GetAsync(new Uri("/api/employees?pageSize=1", UriKind.Relative), cancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(replica.Groups["name"].Value, ClusterFixture.ServedBy(response));
                Assert.Equal(20, (await response.Content.ReadFromJsonAsync<EmployeePageResponse>(ApiJson.Options, cancellationToken))!.Total);
            }

            // nginx in front spreads new browsers over both replicas.
            var servedBy = new HashSet<string>(StringComparer.Ordinal);
            using (var front = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(lines[0]) })
            {
                await Eventually.HoldsAsync(
                    async () =>
                    {
                        using var response = await front.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                        servedBy.Add(ClusterFixture.ServedBy(response));
                        return servedBy.Count == 2;
                    },
                    "the front door to reach both replicas",
                    TimeSpan.FromSeconds(10));
            }

            var pids = replicas.Select(r => int.Parse(r.Groups["pid"].Value, CultureInfo.InvariantCulture)).ToList();
            (await ClusterAsync(environment, "down")).EnsureSuccess();

            Assert.All(pids, pid => Assert.False(IsRunning(pid), $"replica process {pid} still runs after down"));
            Assert.False(await LoopbackPort.AcceptsAsync(port, cancellationToken), "nginx still listens after down");
            Assert.Contains("no cluster is up", (await ClusterAsync(environment, "status")).StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            await ClusterAsync(environment, "down");
            Directory.Delete(state, recursive: true);
        }
    }

    /// <summary>Whether the process runs; one that exited but was not reaped yet (a zombie: `up` leaves its processes to init) does not.</summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static Task<CommandResult> ClusterAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        CommandLine.RunAsync("bash", [RepositoryLayout.Combine("scripts", "cluster.sh"), .. arguments], environment, UpTimeout, TestContext.Current.CancellationToken);

    [GeneratedRegex(@"^(?<name>replica-\d+) (?<url>http://127\.0\.0\.1:\d+) pid=(?<pid>\d+)$")]
    private static partial Regex ReplicaLine();
}
