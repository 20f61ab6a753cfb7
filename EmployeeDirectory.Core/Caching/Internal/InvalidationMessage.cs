using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// What travels on the invalidation channel (<c>{prefix}invalidation:v2</c>): who sent it, the outbox intent
/// it carries out (0 for none), the full keys every other server evicts, the aggregate members every server
/// patches, and the aggregates' new <c>epoch:n</c> versions (appended by the invalidation script, in the
/// order of <see cref="Aggregates"/>). A generation change is a message of its own (<see cref="Generation"/>).
/// </summary>
internal sealed record InvalidationMessage(
    [property: JsonPropertyName("o")] string Origin,
    [property: JsonPropertyName("i")] long Intent,
    [property: JsonPropertyName("k")] IReadOnlyList<string> Keys,
    [property: JsonPropertyName("a")] IReadOnlyList<AggregatePatchMessage> Aggregates,
    [property: JsonPropertyName("s")] IReadOnlyList<string>? Versions = null,
    [property: JsonPropertyName("g")] long? Generation = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, InvalidationMessageJson.Default.InvalidationMessage);

    /// <summary>The message in <paramref name="json"/>; null when it is not one.</summary>
    public static InvalidationMessage? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, InvalidationMessageJson.Default.InvalidationMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The members of one aggregate patched by an invalidation.</summary>
internal sealed record AggregatePatchMessage(
    [property: JsonPropertyName("k")] string Key,
    [property: JsonPropertyName("m")] IReadOnlyList<AggregateMember> Members);

/// <summary>Source-generated JSON for <see cref="InvalidationMessage"/>; nulls are left out, so the script can append the versions.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InvalidationMessage))]
internal sealed partial class InvalidationMessageJson : JsonSerializerContext;
