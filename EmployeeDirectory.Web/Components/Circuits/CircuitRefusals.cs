using EmployeeDirectory.Web.RateLimiting;

namespace EmployeeDirectory.Web.Components.Circuits;

/// <summary>The server-wide sampling of refused-circuit log lines (a flood of circuits is a flood of refusals).</summary>
internal sealed class CircuitRefusals(TimeProvider time)
{
    public LogSampler Sampler { get; } = new(time, TimeSpan.FromSeconds(10));
}
