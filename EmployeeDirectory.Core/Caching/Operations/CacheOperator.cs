using System.Globalization;
using System.IO.Enumeration;
using EmployeeDirectory.Core.Caching.Internal;

namespace EmployeeDirectory.Core.Caching.Operations;

/// <summary>
/// <see cref="ICacheOperator"/> over this server's field cache: Redis is listed page by page with SCAN
/// (never KEYS), L1 from a snapshot; every Redis call passes the cache's <see cref="RedisGate"/>.
/// </summary>
internal sealed class CacheOperator(FieldCache cache) : ICacheOperator
{
    private const int MaxPageSize = 500;

    // One "load more" examines at most this many SCAN steps, so the console stays responsive with 100,000 keys.
    private const int MaxScanStepsPerPage = 20;

    private const string RedisDidNotAnswer = "Redis did not answer.";

    public CacheKeySpace Keys => cache.Keys;

    public CachePolicies Policies => cache.Policies;

    public CacheStatistics Statistics => cache.Statistics;

    public bool HasRedis => cache.HasRedis;

    public event EventHandler<CacheInvalidatedEventArgs>? Evicted
    {
        add => cache.Invalidated += value;
        remove => cache.Invalidated -= value;
    }

    public bool CanReset => cache.CanReset;

    public CacheConnectionState RedisState =>
        !cache.HasRedis ? CacheConnectionState.NotConfigured
        : cache.IsRedisDegraded ? CacheConnectionState.Degraded
        : CacheConnectionState.Connected;

    public CacheConnectionState InvalidationChannelState =>
        !cache.HasRedis ? CacheConnectionState.NotConfigured
        : cache.IsInvalidationChannelConnected ? CacheConnectionState.Connected
        : CacheConnectionState.Degraded;

    public async Task<OperatorResult<CacheEntryPage>> ListRedisAsync(CacheEntryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var empty = new CacheEntryPage([], null, 0);
        if (!cache.HasRedis)
        {
            return new OperatorResult<CacheEntryPage>(empty, "Redis is not configured.");
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var cursor = query.Cursor is null ? 0 : long.Parse(query.Cursor, CultureInfo.InvariantCulture);
        var pattern = cache.Keys.Prefix + Glob(query.Pattern);
        var keys = new List<string>(pageSize);
        var steps = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = await cache.Gate.TryAsync((cursor, pattern, count: Math.Max(pageSize * 2, 200)), static (tier, s) => tier.ScanAsync(s.cursor, s.pattern, s.count));
            if (!step.Succeeded)
            {
                return new OperatorResult<CacheEntryPage>(empty, RedisDidNotAnswer);
            }

            cursor = step.Value.Cursor;
            keys.AddRange(step.Value.Keys.Where(key => Matches(key, query.Policy)));
        }
        while (cursor != 0 && keys.Count < pageSize && ++steps < MaxScanStepsPerPage);

        var described = await cache.Gate.TryAsync(keys, static async (tier, k) => (Keys: await tier.DescribeAsync(k), Total: await tier.DatabaseSizeAsync()));
        if (!described.Succeeded)
        {
            return new OperatorResult<CacheEntryPage>(empty, RedisDidNotAnswer);
        }

        var entries = described.Value.Keys
            .Where(info => info.Exists)
            .Select(info => Describe(info.Key, info))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .ToList();
        var next = cursor == 0 ? null : cursor.ToString(CultureInfo.InvariantCulture);
        return new OperatorResult<CacheEntryPage>(new CacheEntryPage(entries, next, described.Value.Total), null);
    }

    public async Task<CacheEntryPage> ListLocalAsync(CacheEntryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var offset = query.Cursor is null ? 0 : int.Parse(query.Cursor, CultureInfo.InvariantCulture);
        var glob = Glob(query.Pattern);
        var all = cache.L1.Snapshot()
            .Where(item => Matches(item.Key, query.Policy) && FileSystemName.MatchesSimpleExpression(glob, item.Key.AsSpan(cache.Keys.Prefix.Length), ignoreCase: false))
            .Select(item => item.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        var page = all.Skip(offset).Take(pageSize).ToList();
        cancellationToken.ThrowIfCancellationRequested();

        // Redis's view of the same keys is a bonus: without it the page still lists what L1 holds.
        var inRedis = cache.HasRedis && page.Count > 0 && !cache.IsRedisDegraded
            ? await cache.Gate.TryAsync(page, static (tier, k) => tier.DescribeAsync(k))
            : Guarded<L2KeyInfo[]>.Unavailable;
        var l2 = inRedis.Succeeded ? inRedis.Value.ToDictionary(info => info.Key) : [];
        var entries = page.Select(key => Describe(key, l2.GetValueOrDefault(key))).Where(entry => entry.Tiers != CacheEntryTiers.None).ToList();
        var next = offset + page.Count < all.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return new CacheEntryPage(entries, next, cache.L1.Count);
    }

    public Task EvictAsync(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return cache.EvictAsync([key]);
    }

    public async Task<OperatorResult<long>> ClearPolicyAsync(CachePolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        long removed = 0;
        string? problem = null;
        if (cache.HasRedis)
        {
            foreach (var pattern in cache.Keys.ScanPatterns(policy))
            {
                long cursor = 0;
                do
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var step = await cache.Gate.TryAsync((cursor, pattern), static (tier, s) => tier.ScanAsync(s.cursor, s.pattern, 1000));
                    if (!step.Succeeded)
                    {
                        problem = $"{RedisDidNotAnswer} {policy.Name} was not fully cleared; try again once it is back.";
                        break;
                    }

                    cursor = step.Value.Cursor;
                    if (step.Value.Keys.Length > 0)
                    {
                        await cache.EvictAsync(step.Value.Keys);
                        removed += step.Value.Keys.Length;
                    }
                }
                while (cursor != 0);
            }
        }

        var local = cache.L1.Snapshot().Where(item => item.Entry.Policy == policy).Select(item => item.Key).ToList();
        if (local.Count > 0)
        {
            await cache.EvictAsync(local);
        }

        return new OperatorResult<long>(removed, problem);
    }

    public async Task<OperatorResult<long>> ResetAsync(CancellationToken cancellationToken = default)
    {
        if (!cache.CanReset)
        {
            return new OperatorResult<long>(cache.Keys.Generation, "This cache keeps no generation with its data, so it cannot be reset.");
        }

        var generation = await cache.ResetAsync(cancellationToken);
        return new OperatorResult<long>(generation, null);
    }

    public async Task<RedisHealth> CheckRedisAsync(CancellationToken cancellationToken = default)
    {
        const string Fallback = "reads are served from L1 and the database, writes still commit";
        if (!cache.HasRedis)
        {
            return new RedisHealth(CacheConnectionState.NotConfigured, "Redis is not configured: L1 alone serves.", false, false, null);
        }

        if (!cache.Gate.Tier!.Connection.IsConnected)
        {
            return Degraded($"Redis is unreachable: {Fallback}.", null);
        }

        var ping = await cache.Gate.TryAsync(0, static (tier, _) => tier.PingAsync()).AsTask().WaitAsync(cancellationToken);
        if (!ping.Succeeded)
        {
            return Degraded(
                cache.IsRedisDegraded ? $"Redis answers, but the cache's circuit breaker is still open: {Fallback}." : $"Redis does not answer PING: {Fallback}.",
                null);
        }

        if (!cache.IsInvalidationChannelConnected)
        {
            return Degraded("Redis answers, but this server is not subscribed to the invalidation channel: its L1 copies may outlive other servers' writes until the L1 cap.", ping.Value);
        }

        return cache.IsFollowingOutbox
            ? Degraded("Redis answers, but this server is still catching up on invalidations it may have missed: reads check the outbox in the database first.", ping.Value)
            : new RedisHealth(CacheConnectionState.Connected, "Redis answers and this server is subscribed to invalidations.", true, false, ping.Value);

        RedisHealth Degraded(string summary, TimeSpan? latency) =>
            new(CacheConnectionState.Degraded, summary, cache.IsInvalidationChannelConnected, cache.IsRedisDegraded, latency, cache.IsFollowingOutbox);
    }

    private CacheEntryInfo Describe(string key, L2KeyInfo redis)
    {
        var local = cache.L1.Peek(key);
        var policy = cache.Keys.TryParse(key, out var parsed) ? parsed.Family.Policy : local?.Policy ?? Keys.Contract.Policies[0];
        var now = cache.Now;
        var tiers = (local is null ? CacheEntryTiers.None : CacheEntryTiers.L1) | (redis.Exists ? CacheEntryTiers.L2 : CacheEntryTiers.None);
        return new CacheEntryInfo(
            key,
            policy,
            tiers,
            local is null ? null : local.ExpiresAtTicks == long.MaxValue ? TimeSpan.MaxValue : local.ExpiresAt - now,
            redis.Remaining,
            redis.Exists ? redis.SizeBytes : local?.Size ?? 0);
    }

    private bool Matches(string key, CachePolicy? policy) =>
        cache.Keys.TryParse(key, out var parsed) && (policy is null || parsed.Family.Policy == policy);

    private static string Glob(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "*";
        }

        var trimmed = pattern.Trim();
        return trimmed.Contains('*', StringComparison.Ordinal) || trimmed.Contains('?', StringComparison.Ordinal) ? trimmed : $"*{trimmed}*";
    }
}
