using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Core.RollCall;

namespace EmployeeDirectory.Web.Api;

/// <summary>Core results to API DTOs: the JSON contract stays put when Core records grow.</summary>
internal static class EmployeeMappings
{
    public static PresenceResponse ToResponse(this EmployeeStatus status) =>
        new(status.Presence, status.Note, status.Until, status.ChangedAt, status.ChangedBy, status.Stamp);

    public static EmployeeResponse ToResponse(this EmployeeDetails details)
    {
        var profile = details.Profile;
        return new EmployeeResponse(
            profile.Id,
            profile.GivenName,
            profile.FamilyName,
            profile.DisplayName,
            profile.Title,
            profile.Department,
            profile.Email,
            profile.Phone,
            profile.Location,
            details.Status.ToResponse(),
            profile.ConcurrencyStamp);
    }

    public static EmployeeListItem ToListItem(this DirectoryRow row) =>
        new(row.Id, row.DisplayName, row.Title, row.Department, row.Email, row.Location, row.Status.ToResponse());

    public static EmployeePageResponse ToResponse(this DirectoryPage page) =>
        new([.. page.Items.Select(ToListItem)], page.Total, page.Page, page.PageSize);

    public static DepartmentResponse ToResponse(this DepartmentSummary department) =>
        new(department.Id, department.Name, department.EmployeeCount);

    public static PresenceHistoryResponse ToResponse(this PresenceHistoryPage page) =>
        new([.. page.Items.Select(c => new PresenceHistoryItem(c.From, c.To, c.Note, c.Until, c.At, c.By, c.Source))], page.Total, page.Page, page.PageSize);

    public static RollCallResponse ToResponse(this RollCallSummary rollCall) =>
        new(rollCall.Total, rollCall.In, rollCall.Out, [.. rollCall.Departments.Select(ToResponse)], [.. rollCall.Locations.Select(ToResponse)]);

    private static RollCallGroupResponse ToResponse(RollCallGroup group) => new(group.Name, group.In, group.Out);
}
