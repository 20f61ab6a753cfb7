using System.Globalization;
using System.IO.Enumeration;

namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// What the admin console reads and does: list live keys page by page (SCAN for Redis, never KEYS; a
/// snapshot for this server's L1) with their policy, tiers, remaining TTL and size; evict a key; clear a policy.
/// </summary>
public sealed class CacheInspector(FieldCache cache)
{
    private const int MaxPageSize = 500;

    // One "load more" examines at most this many SCAN steps, so the console stays responsive with 100,000 keys.
    private const int MaxScanStepsPerPage = 20;

    public bool HasRedis => cache.HasRedis;

    /// <summary>Redis keys, driven by SCAN: each call resumes where <see cref="CacheEntryQuery.Cursor"/> left off.</summary>
    public async Task<CacheEntryPage> ListRedisAsync(CacheEntryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var redis = cache.L2 ?? throw new InvalidOperationException("Redis is not configured.");
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var cursor = query.Cursor is null ? 0 : long.Parse(query.Cursor, CultureInfo.InvariantCulture);
        var pattern = cache.Keys.Prefix + Glob(query.Pattern);
        var keys = new List<string>(pageSize);
        var steps = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (next, found) = await redis.ScanAsync(cursor, pattern, Math.Max(pageSize * 2, 200)).ConfigureAwait(false);
            cursor = next;
            keys.AddRange(found.Where(key => Matches(key, query.Policy)));
        }
        while (cursor != 0 && keys.Count < pageSize && ++steps < MaxScanStepsPerPage);

        var described = await redis.DescribeAsync(keys).ConfigureAwait(false);
        var entries = described
            .Where(info => info.Exists)
            .Select(info => Describe(info.Key, info))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .ToList();
        var total = await redis.DatabaseSizeAsync().ConfigureAwait(false);
        return new CacheEntryPage(entries, cursor == 0 ? null : cursor.ToString(CultureInfo.InvariantCulture), total);
    }

    /// <summary>This server's L1, sorted by key; the cursor is an offset into that order.</summary>
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
        var l2 = await DescribeInRedisAsync(page, cancellationToken).ConfigureAwait(false);
        var entries = page.Select(key => Describe(key, l2.GetValueOrDefault(key))).Where(entry => entry.Tiers != CacheEntryTiers.None).ToList();
        var next = offset + page.Count < all.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return new CacheEntryPage(entries, next, cache.L1.Count);
    }

    /// <summary>Evicts one key from Redis and from every server's L1.</summary>
    public Task EvictAsync(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return cache.EvictAsync(key);
    }

    /// <summary>Evicts every key of one policy from Redis (SCAN, then invalidate batch by batch) and from every L1; returns the Redis keys removed.</summary>
    public async Task<long> ClearPolicyAsync(CachePolicy policy, CancellationToken cancellationToken = default)
    {
        long removed = 0;
        if (cache.L2 is { } redis)
        {
            foreach (var pattern in cache.Keys.ScanPatterns(policy))
            {
                long cursor = 0;
                do
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var (next, found) = await redis.ScanAsync(cursor, pattern, 1000).ConfigureAwait(false);
                    cursor = next;
                    if (found.Length > 0)
                    {
                        await cache.EvictAsync(found).ConfigureAwait(false);
                        removed += found.Length;
                    }
                }
                while (cursor != 0);
            }
        }

        var local = cache.L1.Snapshot().Where(item => item.Entry.Policy == policy).Select(item => item.Key).ToList();
        if (local.Count > 0)
        {
            await cache.EvictAsync(local).ConfigureAwait(false);
        }

        return removed;
    }

    private async Task<Dictionary<string, L2KeyInfo>> DescribeInRedisAsync(List<string> keys, CancellationToken cancellationToken)
    {
        if (cache.L2 is not { } redis || cache.IsRedisDegraded || keys.Count == 0)
        {
            return [];
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return (await redis.DescribeAsync(keys).ConfigureAwait(false)).ToDictionary(info => info.Key);
        }
        catch (StackExchange.Redis.RedisException)
        {
            return [];
        }
    }

    private CacheEntryInfo Describe(string key, L2KeyInfo redis)
    {
        var local = cache.L1.Peek(key);
        var policy = cache.Keys.TryParse(key, out var parsed) ? parsed.Definition.Policy : local?.Policy ?? CachePolicy.Profile;
        var now = cache.Now;
        var tiers = (local is null ? CacheEntryTiers.None : CacheEntryTiers.L1) | (redis.Exists ? CacheEntryTiers.L2 : CacheEntryTiers.None);
        return new CacheEntryInfo(
            key,
            policy,
            tiers,
            local is null ? null : local.ExpiresAt - now,
            redis.Remaining,
            redis.Exists ? redis.SizeBytes : local?.Size ?? 0);
    }

    private bool Matches(string key, CachePolicy? policy) =>
        cache.Keys.TryParse(key, out var parsed) && (policy is null || parsed.Definition.Policy == policy);

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
