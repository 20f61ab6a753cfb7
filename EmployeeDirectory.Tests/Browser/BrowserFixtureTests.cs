using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EmployeeDirectory.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class BrowserFixtureTests(BrowserFixture browser)
{
    [Fact]
    public async Task SystemChromiumRunsScriptsAndAnswersRoleQueries()
    {
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await page.SetContentAsync("""
            <label for="who">Who</label><input id="who">
            <button onclick="document.getElementById('out').textContent = 'Hello ' + document.getElementById('who').value">Greet</button>
            <p id="out" role="status"></p>
            """);

        await page.GetByLabel("Who").FillAsync("Ada");
        await page.GetByRole(AriaRole.Button, new() { Name = "Greet" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Hello Ada");
        Assert.False(string.IsNullOrEmpty(browser.Browser.Version));
    }
}
