namespace EmployeeDirectory.Core.Caching;

/// <summary>The Meter every cache event is recorded on (hits, misses, loads, invalidations, evictions, latency).</summary>
public static class CacheMeter
{
    /// <summary>Name of the Meter, for OpenTelemetry's AddMeter.</summary>
    public const string Name = "EmployeeDirectory.Cache";
}
