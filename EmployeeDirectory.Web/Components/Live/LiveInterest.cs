using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Web.Components.Live;

/// <summary>
/// Which changes a live view needs besides those of the employees it shows: the buckets the
/// <see cref="LiveDirectory"/> files it under, so that a change reaches only the views it can affect.
/// </summary>
/// <param name="AllStatuses">Every status change (a page filtered by status, the roll call).</param>
/// <param name="Query">The directory query whose membership and order the view shows; null for none.</param>
/// <param name="Departments">Changes of the department list.</param>
public sealed record LiveInterest(bool AllStatuses = false, DirectoryQuery? Query = null, bool Departments = false)
{
    /// <summary>Only the employees the view shows.</summary>
    public static LiveInterest ShownOnly { get; } = new();

    /// <summary>A page of <paramref name="query"/>'s results, with the department list beside it.</summary>
    public static LiveInterest Of(DirectoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(AllStatuses: query.Status is not null, Query: query, Departments: true);
    }
}
