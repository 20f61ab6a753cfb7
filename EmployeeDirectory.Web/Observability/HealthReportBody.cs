namespace EmployeeDirectory.Web.Observability;

/// <summary>The JSON body of <c>/health/live</c> and <c>/health/ready</c>.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy: the worst of the checks.</param>
/// <param name="DurationMs">How long all checks took together.</param>
/// <param name="Checks">Each check that ran.</param>
internal sealed record HealthReportBody(string Status, double DurationMs, IReadOnlyList<HealthCheckBody> Checks);

/// <summary>One check in a <see cref="HealthReportBody"/>.</summary>
internal sealed record HealthCheckBody(string Name, string Status, string? Description, double DurationMs, IReadOnlyDictionary<string, string> Data);
