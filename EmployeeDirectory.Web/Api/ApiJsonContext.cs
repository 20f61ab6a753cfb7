using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmployeeDirectory.Web.Api;

/// <summary>Source-generated JSON metadata for the API's DTOs (camelCase, enums as names).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(EmployeePageResponse))]
[JsonSerializable(typeof(EmployeeResponse))]
[JsonSerializable(typeof(PresenceResponse))]
[JsonSerializable(typeof(PresenceHistoryResponse))]
[JsonSerializable(typeof(RollCallResponse))]
[JsonSerializable(typeof(IReadOnlyList<DepartmentResponse>))]
[JsonSerializable(typeof(PresenceRequest))]
[JsonSerializable(typeof(ProfileRequest))]
[JsonSerializable(typeof(Admin.CacheResetResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
