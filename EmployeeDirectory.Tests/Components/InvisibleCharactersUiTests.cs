using AngleSharp.Dom;
using Bunit;
using EmployeeDirectory.Web.Components.Pages.Employees;
using MudBlazor;

namespace EmployeeDirectory.Tests.Components;

/// <summary>
/// The forms refuse control, bidi and zero-width characters with the rule the services enforce, and show
/// the message next to the field; nothing is saved.
/// </summary>
public sealed class InvisibleCharactersUiTests : DirectoryUiTest
{
    [Fact]
    public async Task AProfileFieldWithABidiOverrideShowsTheErrorByTheFieldAndSavesNothing()
    {
        var id = (await FirstPageAsync())[0].Id;
        var before = await EmployeeAsync(id);
        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("#title");

        page.Find("#title").Input("Head of \u202ESales");
        page.Find(".profile-save").Click();

        page.WaitForAssertion(() => Assert.StartsWith(
            "Title contains an invisible or control character (U+202E); remove it.",
            FieldError(page.Find("#title")),
            StringComparison.Ordinal));
        Assert.Equal(before.Profile, (await EmployeeAsync(id)).Profile);
    }

    [Fact]
    public async Task ANoteWithAZeroWidthSpaceIsFlaggedAsTypedAndRefusedOnSaving()
    {
        var me = (await FirstPageAsync())[0];
        var before = (await EmployeeAsync(me.Id)).Status;
        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, me.Id));
        page.WaitForElement("#presenceNote");

        page.Find("#presenceNote").Input("back\u200Bsoon");

        const string message = "The note contains an invisible or control character (U+200B); remove it.";
        page.WaitForAssertion(() => Assert.StartsWith(message, FieldError(page.Find("#presenceNote")), StringComparison.Ordinal));
        page.Find(".presence-panel .presence-button").Click();
        page.WaitForAssertion(() => Assert.Contains(Snackbar.ShownSnackbars, snackbar => snackbar.Severity == Severity.Error && snackbar.Message == message));
        Assert.Equal(before, (await EmployeeAsync(me.Id)).Status);
    }

    /// <summary>The error MudBlazor shows under the field of this input, then its counter if it has one (empty when none).</summary>
    private static string FieldError(IElement input) =>
        input.Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";
}
