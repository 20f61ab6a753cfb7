using System.Text.Json;
using System.Text.Json.Serialization;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Caching;

/// <summary>Source-generated JSON for every cached value and the invalidation message: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(EmployeeProfile))]
[JsonSerializable(typeof(EmployeeStatus))]
[JsonSerializable(typeof(RosterIndex))]
[JsonSerializable(typeof(PresenceRoster))]
[JsonSerializable(typeof(InvalidationMessage))]
public sealed partial class CacheJsonContext : JsonSerializerContext;
