using System.Text.Json;
using System.Text.Json.Serialization;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Core.RollCall;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>Source-generated JSON for every value the directory caches: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(EmployeeProfile))]
[JsonSerializable(typeof(EmployeeStatus))]
[JsonSerializable(typeof(RollCallSummary))]
public sealed partial class DirectoryCacheJsonContext : JsonSerializerContext;
