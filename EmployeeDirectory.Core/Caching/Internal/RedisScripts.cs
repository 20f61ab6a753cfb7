namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// The Lua scripts behind L2. Each runs atomically in one round trip. The meta hash holds a write version
/// per key: for a plain key a random token, replaced by every invalidation, so a write-back that read the
/// version before loading can tell whether an invalidation came in meanwhile; for an aggregate
/// <c>epoch:n</c>, the number of patches it has had, so servers can tell when they missed one. A version
/// is created when first read and never defaults to a value: a lost meta hash refuses write-backs instead
/// of letting an old one through.
/// </summary>
internal static class RedisScripts
{
    /// <summary>KEYS: meta. ARGV: key, new token. The key's version, created if missing.</summary>
    public const string ReadVersion = """
        local v = redis.call('HGET', KEYS[1], ARGV[1])
        if not v then
          v = ARGV[2]
          redis.call('HSET', KEYS[1], ARGV[1], v)
        end
        return v
        """;

    /// <summary>
    /// KEYS: the keys, then meta. ARGV: a new token. For each key: value, remaining PTTL, and (for a key Redis
    /// does not hold) its version, created if missing.
    /// </summary>
    public const string Read = """
        local n = #KEYS - 1
        local meta = KEYS[#KEYS]
        local values = redis.call('MGET', unpack(KEYS, 1, n))
        local out = {}
        for i = 1, n do
          out[3 * i - 2] = values[i]
          out[3 * i - 1] = redis.call('PTTL', KEYS[i])
          local v = false
          if not values[i] then
            v = redis.call('HGET', meta, KEYS[i])
            if not v then
              v = ARGV[1]
              redis.call('HSET', meta, KEYS[i], v)
            end
          end
          out[3 * i] = v
        end
        return out
        """;

    /// <summary>
    /// KEYS: the keys, then meta. ARGV: (value, ttl ms, expected version) per key. A key is written (SET PX) only
    /// if its version exists and is still the one read before loading; returns 1 (written) or 0 (refused) per key.
    /// </summary>
    public const string WriteIfVersion = """
        local n = #KEYS - 1
        local meta = KEYS[#KEYS]
        local written = {}
        for i = 1, n do
          local current = redis.call('HGET', meta, KEYS[i])
          if current and current == ARGV[3 * i] then
            redis.call('SET', KEYS[i], ARGV[3 * i - 2], 'PX', ARGV[3 * i - 1])
            written[i] = 1
          else
            written[i] = 0
          end
        end
        return written
        """;

    /// <summary>
    /// One invalidation, atomically. KEYS: meta, the dropped keys, the patched aggregates. ARGV: channel, message
    /// (JSON), a new token, drop count, aggregate count, intent id (0 for none), meta TTL ms, then per aggregate:
    /// its TTL ms, member count and (id, version, payload) per member. Drops delete the key and give it a new
    /// version; each aggregate gets its next <c>epoch:n</c> and every member whose version is newer than the one
    /// Redis holds (a missing hash is started, partial, with the aggregate's TTL; a complete one records the new
    /// <c>epoch:n</c> in its <c>~v</c> field). Publishes the message with the aggregates' new versions appended
    /// as <c>"s"</c>, and returns them.
    /// </summary>
    public const string Invalidate = """
        local meta = KEYS[1]
        local token = ARGV[3]
        local drops = tonumber(ARGV[4])
        local aggregates = tonumber(ARGV[5])
        local intent = tonumber(ARGV[6])
        for i = 2, drops + 1 do
          redis.call('UNLINK', KEYS[i])
          redis.call('HSET', meta, KEYS[i], token .. ':0')
        end
        local seqs = {}
        local arg = 8
        for j = 1, aggregates do
          local key = KEYS[drops + 1 + j]
          local ttl = ARGV[arg]
          local count = tonumber(ARGV[arg + 1])
          arg = arg + 2
          local epoch, n = string.match(redis.call('HGET', meta, key) or '', '^(.*):(%d+)$')
          if epoch then n = tonumber(n) + 1 else epoch = token; n = 1 end
          local seq = epoch .. ':' .. n
          redis.call('HSET', meta, key, seq)
          local started = redis.call('EXISTS', key) == 0
          for m = 1, count do
            local id, version, payload = ARGV[arg], ARGV[arg + 1], ARGV[arg + 2]
            arg = arg + 3
            local current = redis.call('HGET', key, id)
            if not current or (tonumber(string.match(current, '^(%d+)|')) or -1) < tonumber(version) then
              redis.call('HSET', key, id, version .. '|' .. payload)
            end
          end
          if started then
            redis.call('PEXPIRE', key, ttl)
          elseif redis.call('HEXISTS', key, '~v') == 1 then
            redis.call('HSET', key, '~v', seq)
          end
          seqs[j] = seq
        end
        if intent > 0 and intent > tonumber(redis.call('HGET', meta, '~highwater') or '0') then
          redis.call('HSET', meta, '~highwater', intent)
        end
        redis.call('PEXPIRE', meta, ARGV[7])
        local message = ARGV[2]
        if aggregates > 0 then
          message = string.sub(message, 1, -2) .. ',"s":["' .. table.concat(seqs, '","') .. '"]}'
        end
        redis.call('PUBLISH', ARGV[1], message)
        return seqs
        """;

    /// <summary>KEYS: meta. ARGV: aggregate key, new token. The aggregate's <c>epoch:n</c>, started at <c>token:0</c> if missing.</summary>
    public const string AggregateVersion = """
        local v = redis.call('HGET', KEYS[1], ARGV[1])
        if not v then
          v = ARGV[2] .. ':0'
          redis.call('HSET', KEYS[1], ARGV[1], v)
        end
        return v
        """;

    /// <summary>
    /// A loaded aggregate written back. KEYS: the aggregate, meta. ARGV: TTL ms, then (id, version, payload) per
    /// member. Into a missing hash every member goes as is; into an existing (partial) one only members newer
    /// than what it holds, and the members it kept are returned so the loader can apply them too. The hash is
    /// then marked complete at the aggregate's current <c>epoch:n</c> (first in the reply).
    /// </summary>
    public const string WriteAggregate = """
        local key = KEYS[1]
        local kept = {}
        if redis.call('EXISTS', key) == 0 then
          local batch = {}
          for i = 2, #ARGV, 3 do
            batch[#batch + 1] = ARGV[i]
            batch[#batch + 1] = ARGV[i + 1] .. '|' .. ARGV[i + 2]
            if #batch >= 2000 then
              redis.call('HSET', key, unpack(batch))
              batch = {}
            end
          end
          if #batch > 0 then redis.call('HSET', key, unpack(batch)) end
        else
          for i = 2, #ARGV, 3 do
            local current = redis.call('HGET', key, ARGV[i])
            if current and (tonumber(string.match(current, '^(%d+)|')) or -1) >= tonumber(ARGV[i + 1]) then
              kept[#kept + 1] = ARGV[i]
              kept[#kept + 1] = current
            else
              redis.call('HSET', key, ARGV[i], ARGV[i + 1] .. '|' .. ARGV[i + 2])
            end
          end
        end
        local seq = redis.call('HGET', KEYS[2], key) or '0:0'
        redis.call('HSET', key, '~v', seq)
        redis.call('PEXPIRE', key, ARGV[1])
        table.insert(kept, 1, seq)
        return kept
        """;

    /// <summary>Remaining PTTL and memory used by each key (-2 / 0 when gone), for the admin console.</summary>
    public const string Describe = """
        local out = {}
        for i = 1, #KEYS do
          local pttl = redis.call('PTTL', KEYS[i])
          out[2 * i - 1] = pttl
          if pttl == -2 then
            out[2 * i] = 0
          else
            out[2 * i] = redis.call('MEMORY', 'USAGE', KEYS[i]) or 0
          end
        end
        return out
        """;
}
