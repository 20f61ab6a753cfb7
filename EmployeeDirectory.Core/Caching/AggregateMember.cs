namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// One member of an aggregate (one employee in the roster, one status in the presence set): its id, the
/// version of the source row it was read from, and its encoded value. Between two values of one member the
/// higher <see cref="Version"/> wins, everywhere (Redis and every server), whatever order they arrive in.
/// </summary>
/// <param name="Id">The member's id within its aggregate.</param>
/// <param name="Version">A number the source raises with every change of the member (a row version).</param>
/// <param name="Payload">The member's value, encoded by the aggregate's codec; no '\n'.</param>
public readonly record struct AggregateMember(int Id, long Version, string Payload);
