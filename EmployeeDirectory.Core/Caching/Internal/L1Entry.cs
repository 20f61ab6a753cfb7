namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>What L1 stores per key: the value plus what the admin console shows about it.</summary>
internal sealed record L1Entry(object Value, CachePolicy Policy, DateTimeOffset ExpiresAt, int Size);
