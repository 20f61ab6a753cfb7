using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Web.Api;

/// <summary>Core results to API DTOs: the JSON contract stays put when Core records grow.</summary>
internal static class EmployeeMappings
{
    public static PresenceResponse ToResponse(this EmployeeStatus status) =>
        new(status.Presence, status.Note, status.ChangedAt, status.ChangedBy, status.Stamp);

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
}
