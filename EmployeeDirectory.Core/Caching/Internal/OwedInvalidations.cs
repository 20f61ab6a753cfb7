using System.Collections.Concurrent;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Keys whose Redis delete could not be delivered. Until they are, Redis may still hold the values their
/// writes replaced, so <see cref="RedisGate"/> delivers them before letting anything read Redis again.
/// </summary>
internal sealed class OwedInvalidations(Func<IReadOnlyCollection<string>, string> messageOf)
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    public bool IsEmpty => _keys.IsEmpty;

    public void Add(IReadOnlyCollection<string> keys)
    {
        foreach (var key in keys)
        {
            _keys.TryAdd(key, 0);
        }
    }

    /// <summary>Deletes, version-bumps and publishes everything owed in one script; Redis failures propagate. Returns how many keys.</summary>
    public async Task<int> DeliverAsync(RedisTier tier)
    {
        var keys = _keys.Keys.ToArray();
        if (keys.Length == 0)
        {
            return 0;
        }

        await tier.InvalidateAsync(keys, messageOf(keys)).ConfigureAwait(false);
        foreach (var key in keys)
        {
            _keys.TryRemove(key, out _);
        }

        return keys.Length;
    }
}
