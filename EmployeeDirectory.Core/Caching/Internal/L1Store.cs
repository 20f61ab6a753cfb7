using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// This server's memory tier: a size-limited <see cref="MemoryCache"/> plus write versions that stop a
/// load which started before an invalidation from writing its (possibly old) value back.
/// </summary>
/// <remarks>
/// Versions are striped by key hash rather than kept per key: memory stays fixed whatever the key count,
/// and two keys sharing a stripe only cost an occasional skipped write-back, never a stale value.
/// </remarks>
internal sealed class L1Store : IDisposable
{
    private const int StripeCount = 1 << 14;
    private readonly MemoryCache _cache;
    private readonly long[] _stripes = new long[StripeCount];
    private readonly TimeProvider _timeProvider;
    private long _epoch;

    public L1Store(long sizeLimitBytes, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = sizeLimitBytes,
            Clock = new TimeProviderClock(timeProvider),
            CompactionPercentage = 0.2,
        });
    }

    public bool TryGet<T>(string key, [MaybeNullWhen(false)] out T value)
    {
        if (_cache.TryGetValue(key, out var stored) && stored is L1Entry { Value: T typed })
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    public L1Version VersionOf(string key) =>
        new(Volatile.Read(ref _epoch), Volatile.Read(ref _stripes[Stripe(key)]));

    /// <summary>Stores a loaded value unless the key was invalidated since <paramref name="loadedAt"/>; returns whether it stayed.</summary>
    public bool TrySet(string key, object value, CachePolicy policy, TimeSpan ttl, int size, L1Version loadedAt)
    {
        if (ttl <= TimeSpan.Zero || VersionOf(key) != loadedAt)
        {
            return false;
        }

        var entry = new L1Entry(value, policy, _timeProvider.GetUtcNow() + ttl, size);
        using (var cacheEntry = _cache.CreateEntry(key))
        {
            cacheEntry.Value = entry;
            cacheEntry.AbsoluteExpirationRelativeToNow = ttl;
            cacheEntry.Size = Math.Max(1, size);
        }

        // An invalidation may have bumped the version between the check and the store: undo our write.
        if (VersionOf(key) != loadedAt)
        {
            _cache.Remove(key);
            return false;
        }

        return true;
    }

    /// <summary>Evicts a key and bumps its version so in-flight loads of it do not write back.</summary>
    public bool Remove(string key)
    {
        Interlocked.Increment(ref _stripes[Stripe(key)]);
        var existed = _cache.TryGetValue(key, out _);
        _cache.Remove(key);
        return existed;
    }

    /// <summary>Drops everything (for example after a Redis reconnect, when messages may have been missed).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _epoch);
        _cache.Clear();
    }

    public L1Entry? Peek(string key) => _cache.TryGetValue(key, out var stored) ? stored as L1Entry : null;

    /// <summary>The live entries right now, for the admin console.</summary>
    public IEnumerable<(string Key, L1Entry Entry)> Snapshot()
    {
        foreach (var key in _cache.Keys)
        {
            if (key is string name && _cache.TryGetValue(name, out var stored) && stored is L1Entry entry)
            {
                yield return (name, entry);
            }
        }
    }

    public int Count => _cache.Count;

    public void Dispose() => _cache.Dispose();

    private static int Stripe(string key) => key.GetHashCode(StringComparison.Ordinal) & (StripeCount - 1);
}
