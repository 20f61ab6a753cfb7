using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>One key as read from Redis: its JSON (null when absent), remaining lifetime and write version.</summary>
internal readonly record struct L2Read(RedisValue Value, TimeSpan Remaining, RedisValue Version)
{
    public bool Found => Value.HasValue && Remaining > TimeSpan.Zero;

    /// <summary>The version as the write-back script compares it ('' when the key was never invalidated).</summary>
    public RedisValue ExpectedVersion => Version.HasValue ? Version : RedisValue.EmptyString;

    /// <summary>A single key's GET and PTTL.</summary>
    public static L2Read Of(RedisValueWithExpiry read) =>
        // A key without a TTL was not written by this cache; MaxValue lets the L1 cap bound the copy.
        new(read.Value, read.Value.HasValue ? read.Expiry ?? TimeSpan.MaxValue : TimeSpan.Zero, RedisValue.Null);

    /// <summary>The value's UTF-8 JSON, without a copy.</summary>
    public ReadOnlySpan<byte> Json => ((ReadOnlyMemory<byte>)Value).Span;
}
