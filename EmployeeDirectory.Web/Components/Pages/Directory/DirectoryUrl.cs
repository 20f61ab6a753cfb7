using System.Globalization;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Web.Components.Pages.Directory;

/// <summary>
/// The directory page's state in its URL (<c>?q=&amp;department=&amp;status=&amp;sort=&amp;page=&amp;pageSize=</c>).
/// Anything a person could type into the address bar is accepted: unknown or out-of-range values fall
/// back to the defaults instead of failing, and defaults are left out so plain URLs stay plain.
/// </summary>
public static class DirectoryUrl
{
    public const string Text = "q";
    public const string Department = "department";
    public const string Status = "status";
    public const string Sort = "sort";
    public const string Page = "page";
    public const string PageSize = "pageSize";

    public static DirectoryQuery Parse(string? text, string? department, string? status, string? sort, int? page, int? pageSize) => new()
    {
        Text = NormalizeText(text),
        Department = NormalizeText(department),
        Status = ParseStatus(status),
        Sort = ParseSort(sort),
        Page = page is >= 1 ? page.Value : 1,
        PageSize = pageSize is >= 1 and <= DirectoryQuery.MaxPageSize ? pageSize.Value : DirectoryQuery.DefaultPageSize,
    };

    /// <summary>Trims and caps free text to what the service accepts; blank means no filter.</summary>
    public static string? NormalizeText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= DirectoryQuery.MaxTextLength ? trimmed : trimmed[..DirectoryQuery.MaxTextLength];
    }

    public static PresenceStatus? ParseStatus(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "IN" => PresenceStatus.In,
        "OUT" => PresenceStatus.Out,
        _ => null,
    };

    public static string? FormatStatus(PresenceStatus? status) => status switch
    {
        PresenceStatus.In => "in",
        PresenceStatus.Out => "out",
        _ => null,
    };

    /// <summary>Sort names are the <see cref="DirectorySort"/> names, case-insensitive; numbers are not accepted.</summary>
    public static DirectorySort ParseSort(string? sort) =>
        !string.IsNullOrWhiteSpace(sort)
        && !int.TryParse(sort, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        && Enum.TryParse<DirectorySort>(sort.Trim(), ignoreCase: true, out var parsed)
        && Enum.IsDefined(parsed)
            ? parsed
            : DirectorySort.Name;

    /// <summary>The directory's address for <paramref name="query"/>, relative to the site (<c>/?sort=Title&amp;page=2</c>).</summary>
    public static string PathOf(DirectoryQuery query)
    {
        var parts = ToParameters(query)
            .Where(parameter => parameter.Value is not null)
            .Select(parameter => $"{parameter.Key}={Uri.EscapeDataString(Convert.ToString(parameter.Value, CultureInfo.InvariantCulture)!)}");
        var search = string.Join('&', parts);
        return search.Length == 0 ? "/" : "/?" + search;
    }

    /// <summary>Query-string values for <c>GetUriWithQueryParameters</c>; null removes a parameter.</summary>
    public static IReadOnlyDictionary<string, object?> ToParameters(DirectoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new Dictionary<string, object?>
        {
            [Text] = query.Text,
            [Department] = query.Department,
            [Status] = FormatStatus(query.Status),
            [Sort] = query.Sort == DirectorySort.Name ? null : query.Sort.ToString(),
            [Page] = query.Page == 1 ? null : query.Page,
            [PageSize] = query.PageSize == DirectoryQuery.DefaultPageSize ? null : query.PageSize,
        };
    }
}
