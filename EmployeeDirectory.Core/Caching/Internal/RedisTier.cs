using System.Globalization;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>L2: the shared Redis tier. Values are plain JSON strings written with SET PX; every call is one round trip.</summary>
internal sealed class RedisTier(IConnectionMultiplexer connection, CacheKeySpace keys)
{
    private readonly RedisKey _versions = keys.VersionsKey;
    private readonly RedisChannel _channel = RedisChannel.Literal(keys.InvalidationChannel);

    public IConnectionMultiplexer Connection => connection;

    private IDatabase Database => connection.GetDatabase();

    /// <summary>Value and remaining lifetime of one key (GET and PTTL in one round trip, no script).</summary>
    public async Task<L2Read> ReadAsync(string key)
    {
        var read = await Database.StringGetWithExpiryAsync(key).ConfigureAwait(false);
        // A key without a TTL was not written by this cache; MaxValue lets the L1 cap bound the copy.
        var remaining = read.Value.HasValue ? read.Expiry ?? TimeSpan.MaxValue : TimeSpan.Zero;
        return new L2Read(read.Value, remaining, RedisValue.Null);
    }

    /// <summary>The key's write version as the write-back script compares it, read before a load so the write-back can tell whether an invalidation came in between.</summary>
    public async Task<RedisValue> ReadVersionAsync(string key)
    {
        var version = await Database.HashGetAsync(_versions, key).ConfigureAwait(false);
        return version.HasValue ? version : RedisValue.EmptyString;
    }

    public async Task<L2Read[]> ReadManyAsync(IReadOnlyList<string> keyNames)
    {
        var redisKeys = new RedisKey[keyNames.Count + 1];
        for (var i = 0; i < keyNames.Count; i++)
        {
            redisKeys[i] = keyNames[i];
        }

        redisKeys[^1] = _versions;
        var values = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Read, redisKeys).ConfigureAwait(false))!;
        var reads = new L2Read[keyNames.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            reads[i] = ToRead(values, i);
        }

        return reads;
    }

    /// <summary>Writes back the values whose keys were not invalidated since they were read; says per write whether it was written.</summary>
    public async Task<bool[]> WriteIfVersionAsync(IReadOnlyList<L2Write> writes)
    {
        var redisKeys = new RedisKey[writes.Count + 1];
        var args = new RedisValue[writes.Count * 3];
        for (var i = 0; i < writes.Count; i++)
        {
            redisKeys[i] = writes[i].Key;
            args[3 * i] = writes[i].Json;
            args[(3 * i) + 1] = Math.Max(1L, (long)writes[i].Ttl.TotalMilliseconds);
            args[(3 * i) + 2] = writes[i].ExpectedVersion;
        }

        redisKeys[^1] = _versions;
        var written = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.WriteIfVersion, redisKeys, args).ConfigureAwait(false))!;
        return [.. written.Select(flag => (long)flag == 1)];
    }

    /// <summary>Deletes the keys, bumps their versions and publishes <paramref name="message"/> to every server, atomically; returns how many keys.</summary>
    public async Task<int> InvalidateAsync(IReadOnlyCollection<string> keyNames, string message)
    {
        var redisKeys = new RedisKey[keyNames.Count + 1];
        var i = 0;
        foreach (var key in keyNames)
        {
            redisKeys[i++] = key;
        }

        redisKeys[^1] = _versions;
        return (int)await Database.ScriptEvaluateAsync(RedisScripts.Invalidate, redisKeys, [(RedisValue)keys.InvalidationChannel, message]).ConfigureAwait(false);
    }

    /// <summary>One PING round trip.</summary>
    public Task<TimeSpan> PingAsync() => Database.PingAsync();

    /// <summary>Subscribes <paramref name="handler"/> to the invalidation channel.</summary>
    public async Task<bool> SubscribeAsync(Action<RedisChannel, RedisValue> handler, CancellationToken cancellationToken)
    {
        await connection.GetSubscriber().SubscribeAsync(_channel, handler).WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>True while this connection is subscribed to the invalidation channel and connected.</summary>
    public bool IsSubscribed()
    {
        var subscriber = connection.GetSubscriber();
        return subscriber.SubscribedEndpoint(_channel) is not null && subscriber.IsConnected(_channel);
    }

    /// <summary>One SCAN step: the next cursor (0 when done) and the keys it returned.</summary>
    public async Task<(long Cursor, string[] Keys)> ScanAsync(long cursor, string pattern, int count)
    {
        var result = await Database.ExecuteAsync(
            "SCAN",
            cursor.ToString(CultureInfo.InvariantCulture),
            "MATCH",
            pattern,
            "COUNT",
            count.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var parts = (RedisResult[])result!;
        var next = long.Parse((string)parts[0]!, CultureInfo.InvariantCulture);
        var found = ((RedisResult[])parts[1]!).Select(r => (string)r!).ToArray();
        return (next, found);
    }

    public async Task<L2KeyInfo[]> DescribeAsync(IReadOnlyList<string> keyNames)
    {
        if (keyNames.Count == 0)
        {
            return [];
        }

        var redisKeys = keyNames.Select(k => (RedisKey)k).ToArray();
        var values = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Describe, redisKeys).ConfigureAwait(false))!;
        var infos = new L2KeyInfo[keyNames.Count];
        for (var i = 0; i < infos.Length; i++)
        {
            var pttl = (long)values[2 * i];
            infos[i] = new L2KeyInfo(keyNames[i], pttl >= 0 ? TimeSpan.FromMilliseconds(pttl) : null, (long)values[(2 * i) + 1]);
        }

        return infos;
    }

    public async Task<long> DatabaseSizeAsync() => (long)(await Database.ExecuteAsync("DBSIZE").ConfigureAwait(false));

    private static L2Read ToRead(RedisResult[] values, int index)
    {
        var value = (RedisValue)values[3 * index];
        var pttl = (long)values[(3 * index) + 1];
        var version = (RedisValue)values[(3 * index) + 2];
        return new L2Read(value, pttl > 0 ? TimeSpan.FromMilliseconds(pttl) : TimeSpan.Zero, version);
    }
}
