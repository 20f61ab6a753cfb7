using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Infrastructure;

public sealed class RedisServerFixtureTests
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task StartedServerAnswersPingOnItsLoopbackPort()
    {
        await using var redis = new RedisServerFixture();
        await redis.InitializeAsync();

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var latency = await connection.GetDatabase().PingAsync();

        Assert.True(latency >= TimeSpan.Zero);
        Assert.StartsWith("127.0.0.1:", redis.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("abortConnect=false", redis.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoppedServerRefusesConnectionsAndRestartedServerServesTheSamePortAgain()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var redis = new RedisServerFixture();
        await redis.InitializeAsync();
        var options = ConfigurationOptions.Parse(redis.ConnectionString);
        options.ConnectTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(200);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var database = connection.GetDatabase();
        await database.StringSetAsync("fixture:probe", "before");

        await redis.StopAsync(cancellationToken);

        Assert.False(redis.IsRunning);
        await Assert.ThrowsAsync<RedisConnectionException>(
            () => ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port},abortConnect=true,connectRetry=1,connectTimeout=1000"));
        Assert.False(await PingsAsync(database));

        var port = redis.Port;
        await redis.StartAsync(cancellationToken);

        Assert.Equal(port, redis.Port);
        await Eventually.HoldsAsync(() => PingsAsync(database), "the existing connection to recover", RecoveryTimeout);
        Assert.False((await database.StringGetAsync("fixture:probe")).HasValue, "a restarted server keeps no data");
    }

    private static async Task<bool> PingsAsync(IDatabase database)
    {
        try
        {
            await database.PingAsync();
            return true;
        }
        catch (RedisConnectionException)
        {
            return false;
        }
        catch (RedisTimeoutException)
        {
            return false;
        }
    }
}
