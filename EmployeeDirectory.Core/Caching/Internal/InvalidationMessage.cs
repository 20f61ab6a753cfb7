using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// What travels on the invalidation channel (<c>{prefix}invalidation:v1</c>): the server that sent it and
/// the full keys every other server must evict from its L1.
/// </summary>
internal sealed record InvalidationMessage(string Origin, IReadOnlyList<string> Keys)
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

/// <summary>Source-generated JSON for <see cref="InvalidationMessage"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InvalidationMessage))]
internal sealed partial class InvalidationMessageJson : JsonSerializerContext;
