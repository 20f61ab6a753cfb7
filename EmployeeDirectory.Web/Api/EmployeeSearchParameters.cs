using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using Microsoft.AspNetCore.Mvc;

namespace EmployeeDirectory.Web.Api;

/// <summary>
/// Query string of <c>GET /api/employees</c>. Bound as text so that unparseable values become field
/// errors; ranges (text length, page, page size) are the directory service's rules.
/// </summary>
internal sealed record EmployeeSearchParameters
{
    [FromQuery(Name = "q")]
    [Description("Free text matched against name, title, department and email.")]
    public string? Q { get; init; }

    [FromQuery(Name = "department")]
    [Description("Department name (exact, case-insensitive).")]
    public string? Department { get; init; }

    [FromQuery(Name = "status")]
    [Description("In or Out.")]
    public string? Status { get; init; }

    [FromQuery(Name = "sort")]
    [Description("name (default), nameDescending, title, titleDescending, department, departmentDescending, location, locationDescending.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page")]
    [Description("1-based page number (default 1).")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("1 to 100 (default 25).")]
    public string? PageSize { get; init; }

    public bool TryGetQuery([NotNullWhen(true)] out DirectoryQuery? query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        query = null;

        PresenceStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (ApiEnum.TryParseName<PresenceStatus>(Status, out var parsed))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = [$"Status must be one of {ApiEnum.Names<PresenceStatus>()}."];
            }
        }

        var sort = DirectorySort.Name;
        if (!string.IsNullOrWhiteSpace(Sort) && !ApiEnum.TryParseName(Sort, out sort))
        {
            errors["sort"] = [$"Sort must be one of {ApiEnum.Names<DirectorySort>()}."];
        }

        var page = PagingParameters.ParseWholeNumber(Page, "page", 1, errors);
        var pageSize = PagingParameters.ParseWholeNumber(PageSize, "pageSize", DirectoryQuery.DefaultPageSize, errors);

        if (errors.Count > 0)
        {
            return false;
        }

        query = new DirectoryQuery
        {
            Text = string.IsNullOrWhiteSpace(Q) ? null : Q,
            Department = string.IsNullOrWhiteSpace(Department) ? null : Department,
            Status = status,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
        };
        return true;
    }
}
