namespace EmployeeDirectory.Web.Replicas;

/// <summary>One event of the eviction stream: keys this replica dropped from its L1, and when.</summary>
/// <param name="Replica">The replica that evicted them (its <c>Replica:Name</c>).</param>
/// <param name="At">When this replica evicted them (its clock, UTC).</param>
/// <param name="Remote">True when another replica's write caused it (a pub/sub message).</param>
/// <param name="Keys">Full Redis key names; empty when the whole L1 was cleared.</param>
internal sealed record L1Eviction(string Replica, DateTimeOffset At, bool Remote, IReadOnlyList<string> Keys);
