using System.Buffers;
using System.Text.Json;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// What travels on the invalidation channel (<c>{prefix}invalidation:v3</c>): who sent it (<c>o</c>), the outbox
/// intent it carries out (<c>i</c>, 0 for none), the sender's cache generation (<c>n</c>), the invalidation itself,
/// typed as the outbox stores it (<c>v</c>: families by template, ids, successors and patches, see
/// <see cref="CacheInvalidationJson"/>), and the aggregates' new <c>epoch:n</c> versions (<c>s</c>, appended by the
/// invalidation script, one per patched aggregate in the order <see cref="ResolvedInvalidation"/> groups them).
/// A generation change is a message of its own (<c>g</c>).
/// </summary>
internal sealed record InvalidationMessage(
    string Origin,
    long Intent,
    long Generation,
    CacheInvalidation Invalidation,
    IReadOnlyList<string>? Versions = null,
    long? Announced = null)
{
    /// <summary>The JSON the invalidation script publishes (it appends <c>"s"</c> before the closing brace).</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("o", Origin);
            if (Announced is { } announced)
            {
                json.WriteNumber("g", announced);
            }
            else
            {
                json.WriteNumber("i", Intent);
                json.WriteNumber("n", Generation);
                json.WritePropertyName("v");
                CacheInvalidationJson.Write(json, Invalidation);
                if (Versions is { Count: > 0 } versions)
                {
                    json.WriteStartArray("s");
                    foreach (var version in versions)
                    {
                        json.WriteStringValue(version);
                    }

                    json.WriteEndArray();
                }
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>An announcement that the cache moved to <paramref name="generation"/>.</summary>
    public static InvalidationMessage Announcement(string origin, long generation) =>
        new(origin, 0, generation, CacheInvalidation.OfDrops(), Announced: generation);

    /// <summary>The message in <paramref name="json"/>, read against <paramref name="contract"/>; null when it is not one.</summary>
    public static InvalidationMessage? Parse(ReadOnlySpan<byte> json, CacheContract contract)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var origin = root.GetProperty("o").GetString() ?? "";
            if (root.TryGetProperty("g", out var announced))
            {
                return Announcement(origin, announced.GetInt64());
            }

            var versions = root.TryGetProperty("s", out var s) ? s.EnumerateArray().Select(v => v.GetString() ?? "").ToList() : null;
            return new InvalidationMessage(
                origin,
                root.GetProperty("i").GetInt64(),
                root.GetProperty("n").GetInt64(),
                CacheInvalidationJson.Read(root.GetProperty("v"), contract),
                versions);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }
}
