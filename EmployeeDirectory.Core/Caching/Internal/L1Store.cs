using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// This server's memory tier: a dictionary of entries with an expiry each and a size limit, plus write
/// versions that stop a load which started before an invalidation from writing its (possibly old) value back.
/// A hit costs one dictionary lookup and a compare against <see cref="CoarseClock"/>.
/// </summary>
/// <remarks>
/// Sizes are what entries hold in memory: values read from JSON count a multiple of their JSON, aggregates
/// report their own measured size. Past the limit, a sweep evicts entries not read since the previous sweep
/// (second chance) until a fifth of the limit is free. Versions are striped by key hash rather than kept per
/// key: memory stays fixed whatever the key count, and two keys sharing a stripe only cost an occasional
/// skipped write-back, never a stale value.
/// </remarks>
internal sealed class L1Store : IDisposable
{
    private const int StripeCount = 1 << 14;
    private readonly ConcurrentDictionary<string, L1Entry> _entries = new();
    private readonly long[] _stripes = new long[StripeCount];
    private readonly Lock _sweeping = new();
    private readonly CoarseClock _clock;
    private readonly ITimer _expirySweep;
    private long _size;
    private long _epoch;

    public L1Store(long sizeLimitBytes, TimeProvider timeProvider)
    {
        SizeLimit = sizeLimitBytes;
        _clock = new CoarseClock(timeProvider);
        _expirySweep = timeProvider.CreateTimer(static state => ((L1Store)state!).RemoveExpired(), this, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    public long SizeLimit { get; }

    /// <summary>Bytes the live entries account for.</summary>
    public long Size => Volatile.Read(ref _size);

    public int Count => _entries.Count;

    public DateTimeOffset Now => _clock.Now;

    public bool TryGet<T>(string key, [MaybeNullWhen(false)] out T value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAtTicks > _clock.UtcTicks && entry.Value is T typed)
        {
            if (!entry.Used)
            {
                entry.Used = true;
            }

            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    public L1Version VersionOf(string key) =>
        new(Volatile.Read(ref _epoch), Volatile.Read(ref _stripes[Stripe(key)]));

    /// <summary>
    /// Stores a loaded value for <paramref name="ttl"/> (<see cref="TimeSpan.MaxValue"/>: until evicted) unless the
    /// key was invalidated since <paramref name="loadedAt"/>; returns whether it stayed.
    /// </summary>
    public bool TrySet(string key, object value, CachePolicy policy, TimeSpan ttl, long size, L1Version loadedAt)
    {
        if (ttl <= CoarseClock.Resolution || VersionOf(key) != loadedAt)
        {
            return false;
        }

        var expiresAt = ttl == TimeSpan.MaxValue ? long.MaxValue : _clock.Now.UtcTicks + (ttl - CoarseClock.Resolution).Ticks;
        var entry = new L1Entry(value, policy, expiresAt, Math.Max(1, size));
        Put(key, entry);

        // An invalidation may have bumped the version between the check and the store: undo our write.
        if (VersionOf(key) != loadedAt)
        {
            RemoveEntry(key, entry);
            return false;
        }

        if (Size > SizeLimit)
        {
            Evict();
        }

        return true;
    }

    /// <summary>Replaces the value of a live entry in place (a patched aggregate), keeping its lifetime; false when it is gone.</summary>
    public bool TryReplace(string key, L1Entry current, object value, long size)
    {
        var entry = new L1Entry(value, current.Policy, current.ExpiresAtTicks, Math.Max(1, size)) { Used = current.Used };
        if (!_entries.TryUpdate(key, entry, current))
        {
            return false;
        }

        Interlocked.Add(ref _size, entry.Size - current.Size);
        return true;
    }

    /// <summary>Evicts a key and bumps its version so in-flight loads of it do not write back.</summary>
    public bool Remove(string key)
    {
        Interlocked.Increment(ref _stripes[Stripe(key)]);
        if (_entries.TryRemove(key, out var removed))
        {
            Interlocked.Add(ref _size, -removed.Size);
            return true;
        }

        return false;
    }

    /// <summary>Drops everything and bumps every version (after a generation change, or when messages may have been missed).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _epoch);
        foreach (var key in _entries.Keys)
        {
            if (_entries.TryRemove(key, out var removed))
            {
                Interlocked.Add(ref _size, -removed.Size);
            }
        }
    }

    /// <summary>The live entry for a key, without counting it as used.</summary>
    public L1Entry? Peek(string key) =>
        _entries.TryGetValue(key, out var entry) && entry.ExpiresAtTicks > _clock.UtcTicks ? entry : null;

    /// <summary>The live entries right now, for the admin console.</summary>
    public IEnumerable<(string Key, L1Entry Entry)> Snapshot()
    {
        var now = _clock.UtcTicks;
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAtTicks > now)
            {
                yield return (key, entry);
            }
        }
    }

    public void Dispose()
    {
        _expirySweep.Dispose();
        _clock.Dispose();
    }

    private void RemoveExpired()
    {
        var now = _clock.UtcTicks;
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAtTicks <= now)
            {
                RemoveEntry(key, entry);
            }
        }
    }

    /// <summary>Second chance: entries read since the last sweep lose their mark and stay; the rest go, until a fifth of the limit is free.</summary>
    private void Evict()
    {
        if (!_sweeping.TryEnter())
        {
            return;
        }

        try
        {
            var target = SizeLimit * 4 / 5;
            for (var pass = 0; pass < 2 && Size > target; pass++)
            {
                foreach (var (key, entry) in _entries)
                {
                    if (Size <= target)
                    {
                        break;
                    }

                    if (entry.Used)
                    {
                        entry.Used = false;
                    }
                    else
                    {
                        RemoveEntry(key, entry);
                    }
                }
            }
        }
        finally
        {
            _sweeping.Exit();
        }
    }

    private void Put(string key, L1Entry entry)
    {
        while (true)
        {
            if (_entries.TryGetValue(key, out var previous))
            {
                if (_entries.TryUpdate(key, entry, previous))
                {
                    Interlocked.Add(ref _size, entry.Size - previous.Size);
                    return;
                }
            }
            else if (_entries.TryAdd(key, entry))
            {
                Interlocked.Add(ref _size, entry.Size);
                return;
            }
        }
    }

    private void RemoveEntry(string key, L1Entry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<string, L1Entry>(key, entry)))
        {
            Interlocked.Add(ref _size, -entry.Size);
        }
    }

    private static int Stripe(string key) => key.GetHashCode(StringComparison.Ordinal) & (StripeCount - 1);
}
