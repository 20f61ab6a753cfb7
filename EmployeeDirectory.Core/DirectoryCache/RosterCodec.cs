using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>
/// The roster aggregate's members: one per employee (id, profile version, the searchable fields joined by a
/// unit separator) and one per department (negative id, the name). Readers get a <see cref="RosterIndex"/>;
/// a profile edit patches one employee's member.
/// </summary>
internal sealed class RosterCodec : ICacheAggregateCodec<RosterIndex>
{
    private const char Separator = '\u001f';

    private const int FieldCount = 7;

    public static AggregateMember Member(RosterEntry entry, long profileVersion) =>
        new(entry.Id, profileVersion, string.Join(Separator, entry.GivenName, entry.FamilyName, entry.DisplayName, entry.Title, entry.Department, entry.Email, entry.Location));

    public static AggregateMember DepartmentMember(int departmentId, string name) => new(-departmentId, 0, name);

    public RosterIndex Build(IReadOnlyList<AggregateMember> members)
    {
        var employees = new List<RosterEntry>(members.Count);
        var departments = new List<RosterDepartment>();
        foreach (var member in members)
        {
            if (member.Id < 0)
            {
                departments.Add(new RosterDepartment(-member.Id, member.Payload));
            }
            else if (Entry(member) is { } entry)
            {
                employees.Add(entry);
            }
        }

        return RosterIndex.Build(employees, departments);
    }

    public RosterIndex Apply(RosterIndex current, AggregateMember member)
    {
        if (member.Id >= 0)
        {
            return Entry(member) is { } entry ? current.With(entry) : current;
        }

        var departments = current.Departments.Select(d => new RosterDepartment(d.Id, d.Id == -member.Id ? member.Payload : d.Name)).ToList();
        if (departments.TrueForAll(d => d.Id != -member.Id))
        {
            departments.Add(new RosterDepartment(-member.Id, member.Payload));
        }

        return RosterIndex.Build(current.Employees, departments);
    }

    public long SizeOf(RosterIndex value) => value.EstimatedBytes;

    public string? ProblemOf(AggregateMember member) =>
        member.Id < 0 || member.Payload.AsSpan().Count(Separator) == FieldCount - 1 ? null : $"not {FieldCount} fields";

    /// <summary>The employee a member's payload describes; null for a department member or a payload that is not one.</summary>
    public static RosterEntry? Entry(int id, string? payload)
    {
        if (id < 0 || payload is null)
        {
            return null;
        }

        var fields = payload.Split(Separator);
        return fields.Length == FieldCount ? new RosterEntry(id, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]) : null;
    }

    private static RosterEntry? Entry(AggregateMember member) => Entry(member.Id, member.Payload);
}
