namespace EmployeeDirectory.Web.Api;

/// <summary>One department's or location's counts.</summary>
internal sealed record RollCallGroupResponse(string Name, int In, int Out);

/// <summary>Who is In and who is Out right now, in all, per department and per location.</summary>
internal sealed record RollCallResponse(
    int Total,
    int In,
    int Out,
    IReadOnlyList<RollCallGroupResponse> Departments,
    IReadOnlyList<RollCallGroupResponse> Locations);
