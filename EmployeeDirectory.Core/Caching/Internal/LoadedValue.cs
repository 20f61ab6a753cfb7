using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// A value the loader returned, on its way back into the tiers: the L1 version seen before the load, and the
/// Redis write version read before it (null when Redis could not be read, so there is no write-back).
/// </summary>
internal readonly record struct LoadedValue<T>(CacheKey<T> Key, T Value, L1Version L1Version, RedisValue? ExpectedVersion)
    where T : class;
