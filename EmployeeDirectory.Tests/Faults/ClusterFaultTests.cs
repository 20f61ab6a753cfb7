using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// Faults of Redis and of a server, with two real servers on one database and one redis-server
/// (<see cref="FaultCluster"/>). Each scenario starts from a cluster whose servers both use Redis, and leaves
/// one behind.
/// </summary>
[Collection(FaultsTestGroup.Name)]
public sealed partial class ClusterFaultTests(FaultCluster cluster) : IClassFixture<FaultCluster>, IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];

    private HttpClient A { get; set; } = null!;

    private HttpClient B { get; set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // A scenario that failed half-way may have left Redis or a server down.
        await cluster.Redis.StartAsync(TestContext.Current.CancellationToken);
        foreach (var server in cluster.Servers.Where(server => !server.IsRunning))
        {
            await server.StartAsync(TestContext.Current.CancellationToken);
        }

        A = Client(cluster.A);
        B = Client(cluster.B);
        await Eventually.HoldsAsync(
            async () => await FaultCluster.UsesRedisAsync(A) && await FaultCluster.UsesRedisAsync(B),
            "both servers to use Redis before the scenario starts");
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(cluster.Diagnostics());
        }

        return ValueTask.CompletedTask;
    }

    private HttpClient Client(AppReplica server)
    {
        var client = cluster.CreateClient(server);
        _clients.Add(client);
        return client;
    }

    /// <summary>Notes a moment of the scenario in the test output, on the clock the failure samples use.</summary>
    private static void Moment(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {what}");

    private static string Describe(IEnumerable<string> samples) => string.Join(Environment.NewLine, samples);
}
