namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// The Lua scripts behind L2. Each runs atomically in one round trip. The last KEYS entry is always the
/// versions hash: a field per cache key, bumped by every invalidation, so a write-back that read the
/// version before loading can tell whether an invalidation happened while it was loading.
/// </summary>
internal static class RedisScripts
{
    /// <summary>For each key: value, remaining PTTL and write version (nil when never invalidated).</summary>
    public const string Read = """
        local n = #KEYS - 1
        local versions = KEYS[#KEYS]
        local values = redis.call('MGET', unpack(KEYS, 1, n))
        local out = {}
        for i = 1, n do
          out[3 * i - 2] = values[i]
          out[3 * i - 1] = redis.call('PTTL', KEYS[i])
          out[3 * i] = redis.call('HGET', versions, KEYS[i])
        end
        return out
        """;

    /// <summary>
    /// ARGV holds (value, ttl ms, expected version or '') per key. A key is written (SET PX) only if its
    /// version is still the one read before loading; returns 1 (written) or 0 (refused) per key.
    /// </summary>
    public const string WriteIfVersion = """
        local n = #KEYS - 1
        local versions = KEYS[#KEYS]
        local written = {}
        for i = 1, n do
          local current = redis.call('HGET', versions, KEYS[i]) or ''
          if current == ARGV[3 * i] then
            redis.call('SET', KEYS[i], ARGV[3 * i - 2], 'PX', ARGV[3 * i - 1])
            written[i] = 1
          else
            written[i] = 0
          end
        end
        return written
        """;

    /// <summary>Deletes the keys, bumps their versions, then publishes ARGV[2] on channel ARGV[1].</summary>
    public const string Invalidate = """
        local n = #KEYS - 1
        local versions = KEYS[#KEYS]
        for i = 1, n do
          redis.call('UNLINK', KEYS[i])
          redis.call('HINCRBY', versions, KEYS[i], 1)
        end
        redis.call('PUBLISH', ARGV[1], ARGV[2])
        return n
        """;

    /// <summary>Remaining PTTL and string length of each key (-2 / 0 when gone), for the admin console.</summary>
    public const string Describe = """
        local out = {}
        for i = 1, #KEYS do
          out[2 * i - 1] = redis.call('PTTL', KEYS[i])
          out[2 * i] = redis.call('STRLEN', KEYS[i])
        end
        return out
        """;
}
