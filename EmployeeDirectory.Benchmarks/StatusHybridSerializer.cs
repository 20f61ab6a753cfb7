using System.Buffers;
using System.Text.Json;
using EmployeeDirectory.Core.Presence;
using Microsoft.Extensions.Caching.Hybrid;

namespace EmployeeDirectory.Benchmarks;

/// <summary>Gives HybridCache the same source-generated JSON the field cache uses, so neither pays for reflection.</summary>
internal sealed class StatusHybridSerializer : IHybridCacheSerializer<EmployeeStatus>
{
    public EmployeeStatus Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize(ref reader, DirectoryCacheJsonContext.Default.EmployeeStatus)
            ?? throw new JsonException("A cached status was null.");
    }

    public void Serialize(EmployeeStatus value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, DirectoryCacheJsonContext.Default.EmployeeStatus);
    }
}
