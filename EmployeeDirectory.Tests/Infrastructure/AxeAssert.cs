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
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(
            blocking.Count == 0,
            $"{what}: {blocking.Count} serious or critical accessibility violation(s):\n" + string.Join("\n", blocking.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help}; {v.Nodes.Length} node(s):\n    " + string.Join("\n    ", v.Nodes.Select(n => $"{n.Target}: {string.Join("; ", n.Any.Concat(n.All).Select(check => check.Message))}")))));
    }
}
