using System.Buffers;
using System.Text.Json;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// How an outbox stores a <see cref="CacheInvalidation"/>: families by template and ids, never full key names,
/// so an intent sent after a generation change names the new generation's keys.
/// <c>{"d":[["employee:{id}:status",42]],"p":[["directory:presence",42,7,"I"]]}</c>.
/// </summary>
internal static class CacheInvalidationJson
{
    public static string Write(CacheInvalidation invalidation)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("d");
            foreach (var drop in invalidation.Drops)
            {
                json.WriteStartArray();
                json.WriteStringValue(drop.Family.Template);
                json.WriteNumberValue(drop.Id);
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
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static CacheInvalidation Read(string text, CacheContract contract)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var drops = root.GetProperty("d").EnumerateArray()
            .Select(drop => new CacheDrop(Family(contract, drop[0].GetString()), drop[1].GetInt32()))
            .ToList();
        var patches = root.GetProperty("p").EnumerateArray()
            .Select(patch => new CachePatch(
                Family(contract, patch[0].GetString()),
                new AggregateMember(patch[1].GetInt32(), patch[2].GetInt64(), patch[3].GetString() ?? "")))
            .ToList();
        return new CacheInvalidation(drops, patches);
    }

    private static CacheKeyFamily Family(CacheContract contract, string? template) =>
        contract.Families.FirstOrDefault(family => family.Template == template)
        ?? throw new JsonException($"The cache contract has no key family \"{template}\".");
}
