using System.ComponentModel;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// <see cref="EmployeeStatus"/>'s shape marked immutable: HybridCache then hands out the cached instance
/// instead of deserialising a fresh copy on every hit. Used only to show HybridCache's best case.
/// </summary>
[ImmutableObject(true)]
public sealed record ImmutableStatus(int EmployeeId, PresenceStatus Presence, string? Note, DateTimeOffset? ChangedAt, string? ChangedBy)
{
    public static ImmutableStatus From(EmployeeStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.EmployeeId, status.Presence, status.Note, status.ChangedAt, status.ChangedBy);
    }
}
