using System.Globalization;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// L2: the shared Redis tier. Values are plain JSON strings written with SET PX; aggregates are hashes with a
/// field per member (<c>version|payload</c>) plus <c>~v</c> once complete. Every call is one round trip.
/// </summary>
internal sealed class RedisTier(IConnectionMultiplexer connection, string channel, Func<CacheKeySpace> keys)
{
    /// <summary>The meta hash outlives any value by this much: losing it only refuses write-backs, but costs reloads.</summary>
    private static readonly TimeSpan MetaLifetime = TimeSpan.FromDays(2);

    private readonly RedisChannel _channel = RedisChannel.Literal(channel);

    public IConnectionMultiplexer Connection => connection;

    private IDatabase Database => connection.GetDatabase();

    private RedisKey Meta => keys().VersionsKey;

    /// <summary>Value and remaining lifetime of one key (GET and PTTL in one round trip, no script); see <see cref="L2Read.Of"/>.</summary>
    public Task<RedisValueWithExpiry> ReadAsync(string key) => Database.StringGetWithExpiryAsync(key);

    /// <summary>The key's write version (created if Redis has none), read before a load so the write-back can tell whether an invalidation came in between.</summary>
    public async Task<RedisValue> ReadVersionAsync(string key) =>
        (RedisValue)await Database.ScriptEvaluateAsync(RedisScripts.ReadVersion, [Meta], [key, NewToken()]).ConfigureAwait(false);

    /// <summary>Values, remaining lifetimes and (for misses) write versions of many keys, in one script.</summary>
    public async Task<L2Read[]> ReadManyAsync(IReadOnlyList<string> keyNames)
    {
        var redisKeys = new RedisKey[keyNames.Count + 1];
        for (var i = 0; i < keyNames.Count; i++)
        {
            redisKeys[i] = keyNames[i];
        }

        redisKeys[^1] = Meta;
        var values = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Read, redisKeys, [NewToken()]).ConfigureAwait(false))!;
        var reads = new L2Read[keyNames.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            var pttl = (long)values[(3 * i) + 1];
            reads[i] = new L2Read((RedisValue)values[3 * i], pttl > 0 ? TimeSpan.FromMilliseconds(pttl) : TimeSpan.Zero, (RedisValue)values[(3 * i) + 2]);
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
            args[(3 * i) + 1] = Milliseconds(writes[i].Ttl);
            args[(3 * i) + 2] = writes[i].ExpectedVersion;
        }

        redisKeys[^1] = Meta;
        var written = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.WriteIfVersion, redisKeys, args).ConfigureAwait(false))!;
        return [.. written.Select(flag => (long)flag == 1)];
    }

    /// <summary>
    /// Drops keys, patches aggregates and publishes <paramref name="message"/> to every server, atomically;
    /// returns each patched aggregate's new version.
    /// </summary>
    public async Task<AggregateVersion[]> InvalidateAsync(ResolvedInvalidation invalidation, string message)
    {
        var redisKeys = new List<RedisKey>(1 + invalidation.DropKeys.Count + invalidation.Aggregates.Count) { Meta };
        redisKeys.AddRange(invalidation.DropKeys.Select(key => (RedisKey)key));
        redisKeys.AddRange(invalidation.Aggregates.Select(aggregate => (RedisKey)aggregate.Key));
        var args = new List<RedisValue>
        {
            _channel.ToString(),
            message,
            NewToken(),
            invalidation.DropKeys.Count,
            invalidation.Aggregates.Count,
            invalidation.IntentId,
            Milliseconds(MetaLifetime),
        };
        foreach (var aggregate in invalidation.Aggregates)
        {
            args.Add(Milliseconds(aggregate.Ttl));
            args.Add(aggregate.Members.Count);
            AddMembers(args, aggregate.Members);
        }

        var seqs = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Invalidate, [.. redisKeys], [.. args]).ConfigureAwait(false))!;
        return [.. seqs.Select(seq => AggregateVersion.Parse((string?)seq) ?? throw new InvalidOperationException($"Redis returned an unreadable aggregate version: {seq}"))];
    }

    /// <summary>An aggregate as Redis holds it: its members and its version, or null when Redis has no complete copy.</summary>
    public async Task<(IReadOnlyList<AggregateMember> Members, AggregateVersion Version)?> ReadAggregateAsync(string key)
    {
        var fields = await Database.HashGetAllAsync(key).ConfigureAwait(false);
        var members = new List<AggregateMember>(fields.Length);
        AggregateVersion? version = null;
        foreach (var field in fields)
        {
            if (field.Name == CompleteField)
            {
                version = AggregateVersion.Parse(field.Value);
            }
            else if (ParseMember(field.Name, field.Value) is { } member)
            {
                members.Add(member);
            }
        }

        return version is { } complete ? (members, complete) : null;
    }

    /// <summary>The aggregate's version, started if Redis has none (read before a load from the source).</summary>
    public async Task<AggregateVersion> StartAggregateVersionAsync(string key) =>
        AggregateVersion.Parse((string?)await Database.ScriptEvaluateAsync(RedisScripts.AggregateVersion, [Meta], [key, NewToken()]).ConfigureAwait(false))
        ?? throw new InvalidOperationException($"Redis holds an unreadable version for {key}.");

    /// <summary>The aggregate's current version; null when Redis has lost it.</summary>
    public async Task<AggregateVersion?> AggregateVersionAsync(string key) =>
        AggregateVersion.Parse(await Database.HashGetAsync(Meta, key).ConfigureAwait(false));

    /// <summary>
    /// Writes a loaded aggregate back, keeping any member Redis holds in a newer version (patched while it
    /// loaded), and marks it complete; returns its version and the members Redis kept.
    /// </summary>
    public async Task<(AggregateVersion Version, IReadOnlyList<AggregateMember> Kept)> WriteAggregateAsync(string key, IReadOnlyList<AggregateMember> members, TimeSpan ttl)
    {
        var args = new List<RedisValue>((members.Count * 3) + 1) { Milliseconds(ttl) };
        AddMembers(args, members);
        var reply = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.WriteAggregate, [key, Meta], [.. args]).ConfigureAwait(false))!;
        var version = AggregateVersion.Parse((string?)reply[0]) ?? throw new InvalidOperationException($"Redis returned an unreadable version for {key}.");
        var kept = new List<AggregateMember>();
        for (var i = 1; i + 1 < reply.Length; i += 2)
        {
            if (ParseMember((RedisValue)reply[i], (RedisValue)reply[i + 1]) is { } member)
            {
                kept.Add(member);
            }
        }

        return (version, kept);
    }

    /// <summary>The highest outbox intent this generation's keys have been invalidated by (0 when none).</summary>
    public async Task<long> HighWaterAsync() => (long?)await Database.HashGetAsync(Meta, "~highwater").ConfigureAwait(false) ?? 0;

    /// <summary>One PING round trip.</summary>
    public Task<TimeSpan> PingAsync() => Database.PingAsync();

    /// <summary>Publishes a message of this tier's own (a generation change) to every server.</summary>
    public Task<long> PublishAsync(string message) => connection.GetSubscriber().PublishAsync(_channel, message);

    /// <summary>
    /// Subscribes <paramref name="handler"/> to the invalidation channel, one message at a time in the order Redis
    /// published them. (A handler subscribed directly runs messages concurrently, in no set order: an aggregate's
    /// patches then arrive out of order, which a copy must take for a lost message, and it reloads.)
    /// </summary>
    public async Task<bool> SubscribeAsync(Action<RedisChannel, RedisValue> handler, CancellationToken cancellationToken)
    {
        var queue = await connection.GetSubscriber().SubscribeAsync(_channel).WaitAsync(cancellationToken).ConfigureAwait(false);
        queue.OnMessage(message => handler(message.Channel, message.Message));
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

    /// <summary>Remaining lifetime and memory of each key.</summary>
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

    /// <summary>The field marking an aggregate hash complete; its value is the aggregate's version.</summary>
    private static readonly RedisValue CompleteField = "~v";

    private static long Milliseconds(TimeSpan span) => Math.Max(1L, (long)Math.Min(span.TotalMilliseconds, long.MaxValue / 2));

    private static string NewToken() => Guid.NewGuid().ToString("N");

    private static void AddMembers(List<RedisValue> args, IReadOnlyList<AggregateMember> members)
    {
        foreach (var member in members)
        {
            args.Add(member.Id);
            args.Add(member.Version);
            args.Add(member.Payload);
        }
    }

    private static AggregateMember? ParseMember(RedisValue name, RedisValue value)
    {
        if (!int.TryParse((string?)name, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var text = (string?)value ?? "";
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new AggregateMember(id, version, text[(bar + 1)..])
            : null;
    }
}
