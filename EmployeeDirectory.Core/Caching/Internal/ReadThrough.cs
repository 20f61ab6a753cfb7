using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// The read path behind an L1 miss, one for single and batch reads: Redis, then the loader, then the
/// loaded values written back to Redis (only where no invalidation came in since the read) and only then
/// to L1. A value Redis refused is returned but cached nowhere: it may predate a write.
/// </summary>
internal sealed partial class ReadThrough(L1Store l1, RedisGate gate, CachePolicies policies, CacheMetrics metrics, ILogger logger)
{
    /// <summary>One key when Redis could not be used at once (see <see cref="SingleReader"/>): L2 through the gate, then on a miss the loader.</summary>
    public async Task<T?> ReadOneAsync<TState, T>(CacheKey<T> key, L1Version l1Version, TState state, Func<TState, CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        var read = await gate.TryAsync(key.Name, static (tier, name) => tier.ReadAsync(name)).ConfigureAwait(false);
        return TryHit(key, read, l1Version, started, out var cached)
            ? cached
            : await LoadAsync(key, l1Version, state, load, read.Succeeded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An answered single-key read (GET and PTTL) that holds the value: cached in L1 and counted as an L2 hit.</summary>
    public bool TryHit<T>(CacheKey<T> key, Guarded<RedisValueWithExpiry> read, L1Version l1Version, long started, out T value)
        where T : class
    {
        if (!read.Succeeded)
        {
            value = null!;
            return false;
        }

        metrics.Latency(CacheTier.L2, key.Policy, started);
        if (TryAcceptHit(key, L2Read.Of(read.Value), l1Version, out value))
        {
            return true;
        }

        metrics.Miss(CacheTier.L2, key.Policy);
        return false;
    }

    /// <summary>After an L2 miss: the key's write version (when Redis answered), the loader, then the write-back.</summary>
    public async Task<T?> LoadAsync<TState, T>(
        CacheKey<T> key, L1Version l1Version, TState state, Func<TState, CancellationToken, Task<T?>> load, bool redisAnswered, CancellationToken cancellationToken)
        where T : class
    {
        RedisValue? expectedVersion = null;
        if (redisAnswered)
        {
            var version = await gate.TryAsync(key.Name, static (tier, name) => tier.ReadVersionAsync(name)).ConfigureAwait(false);
            expectedVersion = version.Succeeded ? version.Value : (RedisValue?)null;
        }

        var loadStarted = Stopwatch.GetTimestamp();
        var loaded = await load(state, cancellationToken).ConfigureAwait(false);
        metrics.Loaded(key.Policy, 1, loadStarted);
        if (loaded is not null)
        {
            await StoreAsync([new LoadedValue<T>(key, loaded, l1Version, expectedVersion)]).ConfigureAwait(false);
        }

        return loaded;
    }

    /// <summary>Many keys of one family: one Redis round trip for all, one loader call for what Redis lacks. Results align with <paramref name="misses"/>.</summary>
    public async Task<T?[]> ReadManyAsync<TId, T>(
        IReadOnlyList<BatchMiss<TId, T>> misses,
        Func<IReadOnlyList<TId>, CancellationToken, Task<IReadOnlyDictionary<TId, T>>> loadMissing,
        CancellationToken cancellationToken)
        where TId : notnull
        where T : class
    {
        var policy = misses[0].Key.Policy;
        var results = new T?[misses.Count];
        var started = Stopwatch.GetTimestamp();
        var reads = await gate.TryAsync(misses, static (tier, m) => tier.ReadManyAsync([.. m.Select(miss => miss.Key.Name)])).ConfigureAwait(false);
        if (reads.Succeeded)
        {
            metrics.Latency(CacheTier.L2, policy, started);
        }

        var toLoad = new List<int>(misses.Count);
        for (var i = 0; i < misses.Count; i++)
        {
            if (reads.Succeeded && TryAcceptHit(misses[i].Key, reads.Value[i], misses[i].L1Version, out var cached))
            {
                results[i] = cached;
                continue;
            }

            if (reads.Succeeded)
            {
                metrics.Miss(CacheTier.L2, policy);
            }

            toLoad.Add(i);
        }

        if (toLoad.Count == 0)
        {
            return results;
        }

        var loadStarted = Stopwatch.GetTimestamp();
        var loaded = await loadMissing(toLoad.ConvertAll(i => misses[i].Id), cancellationToken).ConfigureAwait(false);
        metrics.Loaded(policy, toLoad.Count, loadStarted);
        var store = new List<LoadedValue<T>>(loaded.Count);
        foreach (var i in toLoad)
        {
            var miss = misses[i];
            if (loaded.TryGetValue(miss.Id, out var value))
            {
                results[i] = value;
                store.Add(new LoadedValue<T>(miss.Key, value, miss.L1Version, reads.Succeeded ? reads.Value[i].ExpectedVersion : (RedisValue?)null));
            }
        }

        await StoreAsync(store).ConfigureAwait(false);
        return results;
    }

    private bool TryAcceptHit<T>(CacheKey<T> key, in L2Read read, L1Version l1Version, out T value)
        where T : class
    {
        if (!read.Found || !TryDeserialize(key, read, out value))
        {
            value = null!;
            return false;
        }

        metrics.Hit(CacheTier.L2, key.Policy);
        l1.TrySet(key.Name, value, key.Policy, Min(policies[key.Policy].L1Cap, read.Remaining), SizeOf(read.Value), l1Version);
        return true;
    }

    /// <summary>Writes loaded values back to Redis in one round trip, then to L1 those Redis took (or all, when Redis is out of reach).</summary>
    private async Task StoreAsync<T>(List<LoadedValue<T>> loaded)
        where T : class
    {
        if (loaded.Count == 0)
        {
            return;
        }

        var json = new byte[loaded.Count][];
        var ttls = new TimeSpan[loaded.Count];
        var writes = new List<L2Write>(loaded.Count);
        for (var i = 0; i < loaded.Count; i++)
        {
            json[i] = JsonSerializer.SerializeToUtf8Bytes(loaded[i].Value, loaded[i].Key.Family.TypeInfo);
            ttls[i] = LifetimeOf(loaded[i].Key.Family, loaded[i].Value);
            if (ttls[i] <= TimeSpan.Zero)
            {
                // The value has already stopped being true by itself: return it, cache it nowhere.
                continue;
            }

            if (loaded[i].ExpectedVersion is { } expected)
            {
                writes.Add(new L2Write(loaded[i].Key.Name, json[i], ttls[i], expected));
            }
        }

        var written = writes.Count == 0
            ? Guarded<bool[]>.Unavailable
            : await gate.TryAsync(writes, static (tier, w) => tier.WriteIfVersionAsync(w)).ConfigureAwait(false);
        var next = 0;
        for (var i = 0; i < loaded.Count; i++)
        {
            var (key, value, l1Version, expected) = loaded[i];
            var settings = policies[key.Policy];
            if (ttls[i] <= TimeSpan.Zero)
            {
                continue;
            }

            if (expected is not null && written.Succeeded)
            {
                // Refused: invalidated while we loaded, so what we hold may predate the write; cache nothing.
                if (written.Value[next++])
                {
                    l1.TrySet(key.Name, value, key.Policy, Min(settings.L1Cap, ttls[i]), json[i].Length, l1Version);
                }

                continue;
            }

            // Without Redis configured L1 is the only tier and keeps the full TTL; with Redis out of reach, only the L1 cap.
            var lifetime = gate.Tier is null ? ttls[i] : Min(settings.L1Cap, ttls[i]);
            l1.TrySet(key.Name, value, key.Policy, lifetime, json[i].Length, l1Version);
        }
    }

    /// <summary>The policy's jittered TTL, cut short where the value ends by itself sooner.</summary>
    private TimeSpan LifetimeOf<T>(CacheKeyFamily<T> family, T value)
        where T : class
    {
        var ttl = policies[family.Policy].JitteredTtl();
        return family.EndsAt?.Invoke(value) is { } endsAt && endsAt - l1.Now < ttl ? endsAt - l1.Now : ttl;
    }

    private bool TryDeserialize<T>(CacheKey<T> key, in L2Read read, out T value)
        where T : class
    {
        try
        {
            if (JsonSerializer.Deserialize(read.Json, key.Family.TypeInfo) is { } result)
            {
                value = result;
                return true;
            }
        }
        catch (JsonException error)
        {
            // An entry written by an older shape of the type: treat it as a miss; the load overwrites it.
            Log.UnreadableEntry(logger, key.Name, error);
        }

        value = null!;
        return false;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static int SizeOf(RedisValue value) => (int)Math.Min(int.MaxValue, value.Length());

    private static partial class Log
    {
        [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Cached entry {Key} could not be read and is treated as a miss")]
        public static partial void UnreadableEntry(ILogger logger, string key, Exception error);
    }
}
