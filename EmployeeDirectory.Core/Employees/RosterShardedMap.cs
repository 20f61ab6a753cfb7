using System.Runtime.InteropServices;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// An immutable dictionary split into 64 shards by hash code: a change copies the shard it touches and the
/// shard table, and shares the other 63 with the map it came from. Readers never see a shard change.
/// </summary>
internal sealed class RosterShardedMap<TKey, TValue>
    where TKey : notnull
{
    private const int ShardCount = 1 << 6;

    private readonly Dictionary<TKey, TValue>[] _shards;

    private RosterShardedMap(Dictionary<TKey, TValue>[] shards, int count)
    {
        _shards = shards;
        Count = count;
    }

    public int Count { get; }

    public static RosterShardedMap<TKey, TValue> From(IEnumerable<KeyValuePair<TKey, TValue>> items)
    {
        var shards = new Dictionary<TKey, TValue>[ShardCount];
        for (var s = 0; s < shards.Length; s++)
        {
            shards[s] = [];
        }

        var count = 0;
        foreach (var (key, value) in items)
        {
            if (!shards[ShardOf(key)].TryAdd(key, value))
            {
                throw new ArgumentException($"The key {key} appears more than once.", nameof(items));
            }

            count++;
        }

        foreach (var shard in shards)
        {
            shard.TrimExcess();
        }

        return new RosterShardedMap<TKey, TValue>(shards, count);
    }

    public bool TryGetValue(TKey key, out TValue value) =>
        _shards[ShardOf(key)].TryGetValue(key, out value!);

    /// <summary>Applies <paramref name="changes"/> (a null value removes the key), copying only the shards they touch.</summary>
    public RosterShardedMap<TKey, TValue> With(IReadOnlyList<KeyValuePair<TKey, TValue?>> changes)
    {
        if (changes.Count == 0)
        {
            return this;
        }

        var shards = (Dictionary<TKey, TValue>[])_shards.Clone();
        var copied = new bool[ShardCount];
        var count = Count;
        foreach (var (key, value) in changes)
        {
            var s = ShardOf(key);
            if (!copied[s])
            {
                shards[s] = new Dictionary<TKey, TValue>(shards[s]);
                copied[s] = true;
            }

            if (value is null)
            {
                count -= shards[s].Remove(key) ? 1 : 0;
            }
            else
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(shards[s], key, out var existed);
                slot = value;
                count += existed ? 0 : 1;
            }
        }

        return new RosterShardedMap<TKey, TValue>(shards, count);
    }

    /// <summary>Managed bytes of the shard table and the shards (keys and values included only as far as they are stored inline).</summary>
    public long EstimatedBytes => RosterMemory.Array(ShardCount, RosterMemory.Reference) + _shards.Sum(RosterMemory.Dictionary);

    public IEnumerable<TValue> Values => _shards.SelectMany(shard => shard.Values);

    // Fibonacci hashing: the top bits of the product depend on every bit of the hash code.
    private static int ShardOf(TKey key) => (int)(((uint)key.GetHashCode() * 2654435769u) >> 26);
}
