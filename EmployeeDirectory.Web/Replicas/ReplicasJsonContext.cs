using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmployeeDirectory.Web.Replicas;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(L1Eviction))]
internal sealed partial class ReplicasJsonContext : JsonSerializerContext;
