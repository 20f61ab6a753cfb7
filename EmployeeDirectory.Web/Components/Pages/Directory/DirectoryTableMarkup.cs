using System.Text;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Web.Components.Presence;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Pages.Directory;

/// <summary>
/// The directory table's column headers and pager as links (a sort or a page is an address: it can be opened in a
/// new tab, and going back returns to it), each one block of markup shared by every open page of the same query.
/// </summary>
internal static class DirectoryTableMarkup
{
    private static readonly (string Label, string Text)[] Columns =
        [(DirectorySortLabels.Name, "Name"), (DirectorySortLabels.Title, "Title"), (DirectorySortLabels.Department, "Department"), (DirectorySortLabels.Location, "Location")];

    private static readonly SharedMarkup<DirectoryQuery> SharedHeads = new(5_000);
    private static readonly SharedMarkup<(DirectoryQuery Query, int Pages)> SharedPagers = new(5_000);

    /// <summary>The header row: each sortable column a link that sorts by it (again: the other way).</summary>
    public static MarkupString Head(DirectoryQuery query) =>
        SharedHeads.Get(query with { Page = 1 }, query, static query =>
        {
            var html = new StringBuilder("<tr>");
            foreach (var (label, text) in Columns)
            {
                var direction = DirectorySortLabels.DirectionFor(label, query.Sort);
                var next = direction == SortDirection.Ascending ? SortDirection.Descending : SortDirection.Ascending;
                var sorted = query with { Sort = DirectorySortLabels.ToSort(label, next) ?? DirectorySort.Name, Page = 1 };
                var ariaSort = direction switch { SortDirection.Ascending => "ascending", SortDirection.Descending => "descending", _ => "none" };
                html.Append($"<th scope=\"col\" aria-sort=\"{ariaSort}\" class=\"directory-th directory-th-{label}\">")
                    .Append($"<a class=\"directory-sort\" href=\"{HtmlText.Encode(DirectoryUrl.PathOf(sorted))}\">{text}")
                    .Append($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small{(direction == SortDirection.None ? " directory-sort-idle" : "")}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">")
                    .Append(direction == SortDirection.Descending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward)
                    .Append("</svg></a></th>");
            }

            return new MarkupString(html.Append("<th scope=\"col\">Status</th><th scope=\"col\"><span class=\"visually-hidden\">Change status</span></th></tr>").ToString());
        });

    /// <summary>The pager: previous, the page numbers around the current one, next.</summary>
    public static MarkupString Pager(DirectoryQuery query, int pageCount) =>
        SharedPagers.Get((query, pageCount), (query, pageCount), static state =>
        {
            var (query, pageCount) = state;
            var html = new StringBuilder("<nav aria-label=\"Pages\"><ul class=\"mud-pagination mud-pagination-text mud-pagination-small directory-pagination\">");
            Step(html, query, query.Page - 1, pageCount, "Previous page", Icons.Material.Filled.ChevronLeft);
            foreach (var number in PageNumbers.For(query.Page, pageCount))
            {
                if (number is not { } page)
                {
                    html.Append("<li class=\"mud-pagination-item\" aria-hidden=\"true\"><span class=\"directory-pagination-gap\">&hellip;</span></li>");
                }
                else if (page == query.Page)
                {
                    html.Append($"<li class=\"mud-pagination-item mud-pagination-item-selected\"><a class=\"mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small\" aria-current=\"page\" aria-label=\"Current page {page}\" href=\"{HtmlText.Encode(DirectoryUrl.PathOf(query))}\"><span class=\"mud-button-label\">{page}</span></a></li>");
                }
                else
                {
                    html.Append($"<li class=\"mud-pagination-item\"><a class=\"mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-small\" aria-label=\"Page {page}\" href=\"{HtmlText.Encode(DirectoryUrl.PathOf(query with { Page = page }))}\"><span class=\"mud-button-label\">{page}</span></a></li>");
                }
            }

            Step(html, query, query.Page + 1, pageCount, "Next page", Icons.Material.Filled.ChevronRight);
            return new MarkupString(html.Append("</ul></nav>").ToString());
        });

    private static void Step(StringBuilder html, DirectoryQuery query, int page, int pageCount, string label, string icon)
    {
        var svg = $"<span class=\"mud-icon-button-label\"><svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg></span>";
        html.Append(page >= 1 && page <= pageCount
            ? $"<li class=\"mud-pagination-item\"><a class=\"mud-button-root mud-icon-button mud-icon-button-size-small\" aria-label=\"{label}\" href=\"{HtmlText.Encode(DirectoryUrl.PathOf(query with { Page = page }))}\">{svg}</a></li>"
            : $"<li class=\"mud-pagination-item\"><span class=\"mud-button-root mud-icon-button mud-icon-button-size-small mud-disabled\" aria-label=\"{label}\" aria-disabled=\"true\" role=\"link\">{svg}</span></li>");
    }
}
