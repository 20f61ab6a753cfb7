using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>Runs axe-core on what a page shows and fails on any serious or critical violation, naming each with where it is.</summary>
public static class AxeAssert
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task NoSeriousViolationsAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);

        // Blazor's head outlet renders the title again when the circuit starts, leaving it empty for a moment:
        // wait for the page's title (a page that never gets one still fails here), then let axe read the page.
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex(@"\S"), new() { Timeout = 10_000 });
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(
            blocking.Count == 0,
            $"{what}: {blocking.Count} serious or critical accessibility violation(s):\n" + string.Join("\n", blocking.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help}; {v.Nodes.Length} node(s):\n    " + string.Join("\n    ", v.Nodes.Select(n => $"{n.Target}: {string.Join("; ", n.Any.Concat(n.All).Select(check => check.Message))}")))));
    }
}
