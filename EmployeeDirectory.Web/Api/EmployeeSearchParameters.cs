using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Api.OpenApi;
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
    [MaxLength(DirectoryQuery.MaxTextLength), OpenApiExample("ann")]
    public string? Q { get; init; }

    [FromQuery(Name = "department")]
    [Description("Department name (exact, case-insensitive).")]
    [MaxLength(DirectoryQuery.MaxTextLength), OpenApiExample("Engineering")]
    public string? Department { get; init; }

    [FromQuery(Name = "status")]
    [Description("Only the employees with this status.")]
    [OpenApiEnum(typeof(PresenceStatus)), OpenApiExample(nameof(PresenceStatus.In))]
    public string? Status { get; init; }

    [FromQuery(Name = "sort")]
    [Description("The order of the list (Name when left out); ties are broken by id. Names are matched case-insensitively.")]
    [OpenApiEnum(typeof(DirectorySort)), OpenApiExample(nameof(DirectorySort.Department))]
    public string? Sort { get; init; }

    [FromQuery(Name = "page")]
    [Description("1-based page number.")]
    [OpenApiInteger(1, int.MaxValue, 1), OpenApiExample(1)]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Employees per page.")]
    [OpenApiInteger(1, DirectoryQuery.MaxPageSize, DirectoryQuery.DefaultPageSize), OpenApiExample(10)]
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
