using System.Buffers;
using System.Text.Json;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// How an outbox stores a <see cref="CacheInvalidation"/>, and how the invalidation message carries it: families by
/// template and ids, never full key names, so an intent sent after a generation change names the new generation's
/// keys, and every server reads the change back typed.
/// <c>{"d":[["employee:{id}:status",42,"{…new status…}"]],"p":[["directory:presence",42,7,"I"]]}</c>: a drop's
/// third element is its successor and a patch's fifth its previous payload, each left out when unknown.
/// </summary>
internal static class CacheInvalidationJson
{
    public static string Write(CacheInvalidation invalidation)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, invalidation);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter json, CacheInvalidation invalidation)
    {
        json.WriteStartObject();
        json.WriteStartArray("d");
        foreach (var drop in invalidation.Drops)
        {
            json.WriteStartArray();
            json.WriteStringValue(drop.Family.Template);
            json.WriteNumberValue(drop.Id);
            if (drop.Successor is { } successor)
            {
                json.WriteStringValue(successor);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("p");
        foreach (var patch in invalidation.Patches)
        {
            json.WriteStartArray();
            json.WriteStringValue(patch.Aggregate.Template);
            json.WriteNumberValue(patch.Member.Id);
            json.WriteNumberValue(patch.Member.Version);
            json.WriteStringValue(patch.Member.Payload);
            if (patch.Previous is { } previous)
            {
                json.WriteStringValue(previous);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static CacheInvalidation Read(string text, CacheContract contract)
    {
        using var document = JsonDocument.Parse(text);
        return Read(document.RootElement, contract);
    }

    /// <summary>The invalidation <paramref name="root"/> holds; a family the contract does not declare, or a malformed entry, is a <see cref="JsonException"/>.</summary>
    public static CacheInvalidation Read(JsonElement root, CacheContract contract)
    {
        try
        {
            var drops = root.GetProperty("d").EnumerateArray()
                .Select(drop => new CacheDrop(Family(contract, drop[0].GetString()), drop[1].GetInt32())
                {
                    Successor = drop.GetArrayLength() > 2 ? drop[2].GetString() : null,
                })
                .ToList();
            var patches = root.GetProperty("p").EnumerateArray()
                .Select(patch => new CachePatch(
                    Family(contract, patch[0].GetString()),
                    new AggregateMember(patch[1].GetInt32(), patch[2].GetInt64(), patch[3].GetString() ?? ""))
                {
                    Previous = patch.GetArrayLength() > 4 ? patch[4].GetString() : null,
                })
                .ToList();
            return new CacheInvalidation(drops, patches);
        }
        catch (Exception error) when (error is InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or FormatException)
        {
            throw new JsonException("The invalidation is not in the expected shape.", error);
        }
    }

    private static CacheKeyFamily Family(CacheContract contract, string? template) =>
        contract.Families.FirstOrDefault(family => family.Template == template)
        ?? throw new JsonException($"The cache contract has no key family \"{template}\".");
}
