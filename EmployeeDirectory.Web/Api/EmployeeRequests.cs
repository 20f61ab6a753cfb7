using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Api.OpenApi;

namespace EmployeeDirectory.Web.Api;

/// <summary>
/// Body of <c>PUT /api/employees/{id}/presence</c>. Status and until are text so a bad value becomes a field
/// error instead of an unreadable body; the note's rules and until's range belong to the presence service.
/// </summary>
internal sealed partial record PresenceRequest(
    [property: Required, OpenApiEnum(typeof(PresenceStatus))] string? Status,
    [property: Description("Optional, shown with the status."), MaxLength(Employee.MaxNoteLength)] string? Note = null,
    [property: Description("Optional: when the status ends by itself and reverts (Out becomes In, In becomes Out). ISO 8601 with an offset, e.g. 2026-12-01T15:00:00+01:00; in the future, at most 7 days ahead."), OpenApiFormat(OpenApiFormatAttribute.DateTime)] string? Until = null,
    [property: Description("Optional: the presence stamp this change replaces. If the status changed since, nothing is saved and the answer is 409 with the current presence. Leave it out to write regardless (a badge reader).")] long? ExpectedStamp = null)
    : IOpenApiExample<PresenceRequest>
{
    public static PresenceRequest Example => new(nameof(PresenceStatus.Out), "At the dentist, back after lunch");

    public bool TryGetUpdate([NotNullWhen(true)] out PresenceUpdate? update, out Dictionary<string, string[]> errors)
    {
        errors = [];
        update = null;

        var status = PresenceStatus.Out;
        if (string.IsNullOrWhiteSpace(Status))
        {
            errors["status"] = [$"Status is required: one of {ApiEnum.Names<PresenceStatus>()}."];
        }
        else if (!ApiEnum.TryParseName(Status, out status))
        {
            errors["status"] = [$"Status must be one of {ApiEnum.Names<PresenceStatus>()}."];
        }

        DateTimeOffset? until = null;
        if (Until is not null)
        {
            if (IsoWithOffset().IsMatch(Until)
                && DateTimeOffset.TryParse(Until, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                until = parsed;
            }
            else
            {
                errors["until"] = ["Until must be a date and time in ISO 8601 with an offset, such as 2026-12-01T15:00:00+01:00 or 2026-12-01T14:00:00Z."];
            }
        }

        if (errors.Count > 0)
        {
            return false;
        }

        update = new PresenceUpdate(status, Note, ExpectedStamp, until, PresenceSource.Api);
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}

/// <summary>
/// Body of <c>PUT /api/employees/{id}</c>: the whole editable profile plus the stamp it was loaded with.
/// Field rules belong to the directory service (the OpenAPI document shows them, read from
/// <see cref="ProfileRules"/>); the API only checks that the stamp is a stamp.
/// </summary>
internal sealed record ProfileRequest(
    string? GivenName,
    string? FamilyName,
    [property: Description("Optional; \"Given Family\" when empty.")] string? DisplayName,
    string? Title,
    [property: Description("Name of an existing department.")] string? Department,
    string? Email,
    string? Phone,
    string? Location,
    [property: Description("The concurrencyStamp from the employee as last read."), Required, OpenApiFormat(OpenApiFormatAttribute.Uuid)] string? ConcurrencyStamp)
    : IOpenApiExample<ProfileRequest>
{
    public static ProfileRequest Example => new(
        "Ada",
        "Lovelace",
        DisplayName: null,
        "Analytical Engineer",
        "Engineering",
        "ada.lovelace@example.com",
        "+44 20 7946 0000",
        "London",
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    public bool TryGetUpdate([NotNullWhen(true)] out ProfileUpdate? update, out Dictionary<string, string[]> errors)
    {
        errors = [];
        update = null;

        if (string.IsNullOrWhiteSpace(ConcurrencyStamp))
        {
            errors["concurrencyStamp"] = ["The concurrencyStamp from the employee as last read is required."];
            return false;
        }

        if (!Guid.TryParse(ConcurrencyStamp, out var stamp))
        {
            errors["concurrencyStamp"] = ["The concurrencyStamp is not a stamp this API issued."];
            return false;
        }

        update = new ProfileUpdate
        {
            GivenName = GivenName,
            FamilyName = FamilyName,
            DisplayName = DisplayName,
            Title = Title,
            Department = Department,
            Email = Email,
            Phone = Phone,
            Location = Location,
            ConcurrencyStamp = stamp,
        };
        return true;
    }
}
