using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>One key as read from Redis: its JSON (null when absent), remaining lifetime and write version.</summary>
internal readonly record struct L2Read(RedisValue Value, TimeSpan Remaining, RedisValue Version)
{
    public bool Found => Value.HasValue && Remaining > TimeSpan.Zero;

    /// <summary>The version as the write-back script compares it ('' when the key was never invalidated).</summary>
    public RedisValue ExpectedVersion => Version.HasValue ? Version : RedisValue.EmptyString;

    /// <summary>The value's UTF-8 JSON, without a copy.</summary>
    public ReadOnlySpan<byte> Json => ((ReadOnlyMemory<byte>)Value).Span;
}
