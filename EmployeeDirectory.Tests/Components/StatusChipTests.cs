using Bunit;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Components.Presence;
using EmployeeDirectory.Web.Components.Time;
using Microsoft.AspNetCore.Components;

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
        Assert.Equal("changed 5 min ago", since.TextContent.Trim());
        Assert.Equal($"{ViewerTime.Utc.Absolute(changedAt)} by reception", since.GetAttribute("title"));
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
    public void ScreenReadersHearWhatTheChipMeans()
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, new EmployeeStatus(1, PresenceStatus.Out, null, DateTimeOffset.UtcNow.AddMinutes(-3), null)));

        Assert.Equal("Status: Out", chip.Find(".mud-chip").TextContent.Trim());
        Assert.Equal("Status: ", chip.Find(".mud-chip .visually-hidden").TextContent);
        Assert.Equal("changed 3 min ago", chip.Find("time.status-since").TextContent.Trim());
    }

    [Fact]
    public void AnOutStatusWithABackAtTimeSaysWhenTheyAreBackInTheViewersZone()
    {
        var until = new DateTimeOffset(2027, 1, 12, 14, 0, 0, TimeSpan.Zero);
        var viewer = ViewerTime.From("Europe/Berlin");
        var chip = Render<CascadingValue<ViewerTime>>(p => p
            .Add(c => c.Value, viewer)
            .AddChildContent<StatusChip>(c => c.Add(s => s.Status, new EmployeeStatus(1, PresenceStatus.Out, "dentist", null, null, 1, until))));

        var back = chip.Find("time.status-until");
        Assert.Equal($"back {viewer.Clock(until, DateTimeOffset.UtcNow)}", back.TextContent.Trim());
        Assert.EndsWith("3:00 pm", back.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(RelativeTime.Iso(until), back.GetAttribute("datetime"));
        Assert.Contains("(Europe/Berlin)", back.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnInStatusWithAnEndSaysUntilWhen()
    {
        var until = DateTimeOffset.UtcNow.AddHours(2);
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, new EmployeeStatus(1, PresenceStatus.In, null, null, null, 1, until)));

        Assert.StartsWith("until ", chip.Find("time.status-until").TextContent.Trim(), StringComparison.Ordinal);
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
