using System.Diagnostics;
using System.Text.Json;

namespace EmployeeDirectory.Core.Caching;

public sealed partial class FieldCache
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<TId, T>> GetOrLoadManyAsync<TId, T>(
        IReadOnlyCollection<TId> ids,
        Func<TId, CacheKey<T>> keyOf,
        Func<IReadOnlyList<TId>, CancellationToken, Task<IReadOnlyDictionary<TId, T>>> loadMissing,
        CancellationToken cancellationToken = default)
        where TId : notnull
        where T : class
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(loadMissing);
        var found = new Dictionary<TId, T>(ids.Count);
        var missing = new List<(TId Id, CacheKey<T> Key, L1Version Version)>();
        var missingIds = new HashSet<TId>();
        foreach (var id in ids)
        {
            var key = keyOf(id);
            if (_l1.TryGet<T>(key.Name, out var value, out _))
            {
                _metrics.L1Hit(key.Policy, 0);
                found[id] = value;
            }
            else if (!found.ContainsKey(id) && missingIds.Add(id))
            {
                _metrics.Miss(CacheTier.L1, key.Policy);
                missing.Add((id, key, _l1.VersionOf(key.Name)));
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var reads = await ReadManyFromRedisAsync(missing.ConvertAll(m => m.Key.Name), missing[0].Key.Policy).ConfigureAwait(false);
        var toLoad = new List<int>(missing.Count);
        for (var i = 0; i < missing.Count; i++)
        {
            var (id, key, version) = missing[i];
            if (reads is not null && reads[i] is { Found: true } hit && TryDeserialize(hit.Value, key, out var cached))
            {
                _metrics.Hit(CacheTier.L2, key.Policy);
                found[id] = cached;
                _l1.TrySet(key.Name, cached, key.Policy, Min(_options.Policies.For(key.Policy).L1Cap, hit.Remaining), SizeOf(hit.Value), version);
            }
            else
            {
                if (reads is not null)
                {
                    _metrics.Miss(CacheTier.L2, key.Policy);
                }

                toLoad.Add(i);
            }
        }

        if (toLoad.Count == 0)
        {
            return found;
        }

        var loadStarted = Stopwatch.GetTimestamp();
        var loaded = await loadMissing(toLoad.ConvertAll(i => missing[i].Id), cancellationToken).ConfigureAwait(false);
        _metrics.Loaded(missing[0].Key.Policy, toLoad.Count, loadStarted);
        var writes = new List<L2Write>(loaded.Count);
        foreach (var i in toLoad)
        {
            var (id, key, version) = missing[i];
            if (!loaded.TryGetValue(id, out var value))
            {
                continue;
            }

            found[id] = value;
            var policy = _options.Policies.For(key.Policy);
            var json = JsonSerializer.SerializeToUtf8Bytes(value, key.TypeInfo);
            var ttl = Jittered(policy);
            _l1.TrySet(key.Name, value, key.Policy, L1OnlyLifetime(policy, ttl), json.Length, version);
            if (reads is not null)
            {
                writes.Add(new L2Write(key.Name, json, ttl, reads[i].ExpectedVersion));
            }
        }

        if (writes.Count > 0)
        {
            // Off the caller's path, so a page costs one Redis round trip. Safe: the script skips keys
            // invalidated since the read, and a stale L1 copy is evicted by the invalidation's message.
            _ = WriteBackAsync(writes);
        }

        return found;
    }

    private async Task<L2Read[]?> ReadManyFromRedisAsync(List<string> keys, CachePolicy policy)
    {
        if (!await TryEnterRedisAsync().ConfigureAwait(false))
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var reads = await _l2!.ReadManyAsync(keys).ConfigureAwait(false);
            _breaker.Success();
            _metrics.Latency(CacheTier.L2, policy, started);
            return reads;
        }
        catch (Exception error) when (IsRedisFailure(error))
        {
            RedisFailed(error);
            return null;
        }
    }

    private async Task WriteBackAsync(List<L2Write> writes)
    {
        try
        {
            await _l2!.WriteIfVersionAsync(writes).ConfigureAwait(false);
            _breaker.Success();
        }
        catch (Exception error) when (IsRedisFailure(error))
        {
            RedisFailed(error);
        }
    }
}
