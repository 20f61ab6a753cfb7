using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>A write-back to Redis, conditional on the key's version still being <see cref="ExpectedVersion"/>.</summary>
internal readonly record struct L2Write(string Key, RedisValue Json, TimeSpan Ttl, RedisValue ExpectedVersion);
