namespace EmployeeDirectory.Web.Components.Pages.Directory;

/// <summary>
/// Which page numbers a pager shows: the first and last page, a few around the current one, and a gap (null) where
/// pages are left out; a gap of a single page shows that page instead.
/// </summary>
public static class PageNumbers
{
    /// <summary>The numbers to show for page <paramref name="current"/> of <paramref name="count"/>, with <paramref name="around"/> pages centred on the current one.</summary>
    public static IReadOnlyList<int?> For(int current, int count, int around = 3)
    {
        if (count <= 0)
        {
            return [];
        }

        current = Math.Clamp(current, 1, count);
        var first = Math.Clamp(current - (around / 2), 1, Math.Max(1, count - around + 1));
        var last = Math.Min(count, first + around - 1);
        var numbers = new List<int?>();
        Add(numbers, 1);
        if (first > 3)
        {
            numbers.Add(null);
        }
        else
        {
            for (var page = 2; page < first; page++)
            {
                Add(numbers, page);
            }
        }

        for (var page = first; page <= last; page++)
        {
            Add(numbers, page);
        }

        if (last < count - 2)
        {
            numbers.Add(null);
        }
        else
        {
            for (var page = last + 1; page < count; page++)
            {
                Add(numbers, page);
            }
        }

        Add(numbers, count);
        return numbers;
    }

    private static void Add(List<int?> numbers, int page)
    {
        if (!numbers.Contains(page))
        {
            numbers.Add(page);
        }
    }
}
