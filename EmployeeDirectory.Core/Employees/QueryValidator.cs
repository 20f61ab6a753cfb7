namespace EmployeeDirectory.Core.Employees;

/// <summary>The rules a directory query must meet (keys match the API's query parameters).</summary>
internal static class QueryValidator
{
    public static FieldErrors Validate(DirectoryQuery query)
    {
        var errors = new FieldErrors();
        errors.MaxLength("q", query.Text, DirectoryQuery.MaxTextLength, "The search text");
        errors.MaxLength("department", query.Department, DirectoryQuery.MaxTextLength, "The department");
        if (query.Page < 1)
        {
            errors.Add("page", "The page must be 1 or more.");
        }

        if (query.PageSize is < 1 or > DirectoryQuery.MaxPageSize)
        {
            errors.Add("pageSize", $"The page size must be between 1 and {DirectoryQuery.MaxPageSize}.");
        }

        if (!Enum.IsDefined(query.Sort))
        {
            errors.Add("sort", "Unknown sort order.");
        }

        if (query.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add("status", "The status must be In or Out.");
        }

        return errors;
    }
}
