namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>One key of a batch read that L1 could not answer, with the L1 version seen before reading on.</summary>
internal readonly record struct BatchMiss<TId, T>(TId Id, CacheKey<T> Key, L1Version L1Version)
    where T : class;
