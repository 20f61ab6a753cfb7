using System.ComponentModel;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Api.OpenApi;

namespace EmployeeDirectory.Web.Api;

/// <summary>An employee's In/Out status as the API shows it: as it holds now, with when it ends by itself (null when open-ended).</summary>
internal sealed record PresenceResponse(
    PresenceStatus Status,
    string? Note,
    [property: Description("When the status ends by itself and reverts; null when it lasts until changed.")] DateTimeOffset? Until,
    DateTimeOffset? ChangedAt,
    [property: Description("Who made the last change; null unless you are the employee or an admin (or Privacy:ShowStatusHistoryToEveryone is on).")] string? ChangedBy,
    [property: Description("Changes with every presence change: send it back as expectedStamp so a change never undoes one you have not seen.")] long Stamp);

/// <summary>One employee with profile, presence and the stamp a profile edit must send back.</summary>
internal sealed record EmployeeResponse(
    int Id,
    string GivenName,
    string FamilyName,
    string DisplayName,
    string Title,
    string Department,
    [property: OpenApiFormat(OpenApiFormatAttribute.Email)] string Email,
    string Phone,
    string Location,
    PresenceResponse Presence,
    [property: Description("Send this back with a profile edit; it changes on every profile save.")] Guid ConcurrencyStamp);

/// <summary>One row of a directory search.</summary>
internal sealed record EmployeeListItem(
    int Id,
    string DisplayName,
    string Title,
    string Department,
    [property: OpenApiFormat(OpenApiFormatAttribute.Email)] string Email,
    string Location,
    PresenceResponse Presence);

/// <summary>One page of a directory search and the total number of matches.</summary>
internal sealed record EmployeePageResponse(
    IReadOnlyList<EmployeeListItem> Items,
    int Total,
    int Page,
    int PageSize);

/// <summary>A department with its head count.</summary>
internal sealed record DepartmentResponse(int Id, string Name, int EmployeeCount);
