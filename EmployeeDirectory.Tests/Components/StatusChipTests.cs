using Bunit;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Components.Presence;

namespace EmployeeDirectory.Tests.Components;

public sealed class StatusChipTests : MudBlazorTest
{
    [Fact]
    public void AnInEmployeeShowsAGreenInChipWithNoteAndSinceTime()
    {
        var changedAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, new EmployeeStatus(1, PresenceStatus.In, "back at 3pm", changedAt, "reception")));

        Assert.Contains("In", chip.Find(".mud-chip").TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-success", chip.Find(".mud-chip").ClassList);
        Assert.Equal("back at 3pm", chip.Find(".status-note").TextContent);
        var since = chip.Find("time.status-since");
        Assert.Equal("5 min ago", since.TextContent.Trim());
        Assert.Equal($"{RelativeTime.Absolute(changedAt)} by reception", since.GetAttribute("title"));
    }

    [Fact]
    public void AnOutEmployeeShowsAGreyOutChip()
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, new EmployeeStatus(1, PresenceStatus.Out, null, null, null)));

        Assert.Contains("Out", chip.Find(".mud-chip").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("mud-chip-color-success", chip.Find(".mud-chip").ClassList);
        Assert.Empty(chip.FindAll(".status-note"));
        Assert.Empty(chip.FindAll("time"));
    }

    [Fact]
    public void MarkupInANoteIsShownAsText()
    {
        const string note = "<script>alert('x')</script><b>bold</b>";
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, new EmployeeStatus(1, PresenceStatus.In, note, null, null)));

        Assert.Equal(note, chip.Find(".status-note").TextContent);
        Assert.Empty(chip.FindAll("script"));
        Assert.Empty(chip.FindAll(".status-note b"));
    }
}
