using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>Source-generated JSON metadata for the API key endpoints (camelCase, as the rest of the API).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ApiKeyRequest))]
[JsonSerializable(typeof(ApiKeyResponse))]
[JsonSerializable(typeof(CreatedApiKeyResponse))]
[JsonSerializable(typeof(IReadOnlyList<ApiKeyResponse>))]
internal sealed partial class ApiKeysJsonContext : JsonSerializerContext;
