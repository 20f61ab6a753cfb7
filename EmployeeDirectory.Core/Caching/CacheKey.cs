using System.Text.Json.Serialization.Metadata;

namespace EmployeeDirectory.Core.Caching;

/// <summary>A fully prefixed cache key, its policy and how its value is (de)serialised. Built by <see cref="CacheKeySpace"/>.</summary>
public readonly record struct CacheKey<T>(string Name, CachePolicy Policy, JsonTypeInfo<T> TypeInfo);
