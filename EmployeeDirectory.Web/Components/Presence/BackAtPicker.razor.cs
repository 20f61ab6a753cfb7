using EmployeeDirectory.Web.Components.Time;
using Microsoft.AspNetCore.Components;

namespace EmployeeDirectory.Web.Components.Presence;

/// <summary>
/// Picks when the status being set ends by itself and reverts ("Out, back at 3 pm"): "1 h", "until 5 pm" (while that is ahead), "tomorrow 9 am", or any date and time up to
/// a week ahead, all in the viewer's time zone (<see cref="ViewerTime"/>).
/// </summary>
public sealed partial class BackAtPicker
{
    private DateTime? _date;
    private TimeSpan? _time;

    /// <summary>The chosen end; null for none.</summary>
    [Parameter]
    public DateTimeOffset? Value { get; set; }

    [Parameter]
    public EventCallback<DateTimeOffset?> ValueChanged { get; set; }

    /// <summary>Why the service refused the chosen end, shown under the pickers.</summary>
    [Parameter]
    public string? Error { get; set; }

    [CascadingParameter]
    private ViewerTime? CascadedViewer { get; set; }

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private ViewerTime Viewer => CascadedViewer ?? ViewerTime.Utc;

    private DateTime Today => Viewer.Local(Time.GetUtcNow()).Date;

    private const string Legend = "Ends by itself at";

    private IEnumerable<(string Label, DateTimeOffset Moment)> Choices
    {
        get
        {
            var now = Time.GetUtcNow();
            var today = Today;
            yield return ("1 h", Round(now.AddHours(1)));
            var fivePm = Viewer.FromLocal(today.AddHours(17));
            if (fivePm > now.AddMinutes(15))
            {
                yield return ("Until 5 pm", fivePm);
            }

            yield return ("Tomorrow 9 am", Viewer.FromLocal(today.AddDays(1).AddHours(9)));
        }
    }

    protected override void OnParametersSet()
    {
        if (Value is { } value)
        {
            var local = Viewer.Local(value);
            _date = local.Date;
            _time = local.TimeOfDay;
        }
        else
        {
            _date = null;
            _time = null;
        }
    }

    private string Summary(DateTimeOffset value) =>
        $"Reverts {Viewer.Clock(value, Time.GetUtcNow())} ({Viewer.ZoneName})";

    private Task ChooseAsync(DateTimeOffset? moment) => ValueChanged.InvokeAsync(moment);

    private Task OnDateChangedAsync(DateTime? date)
    {
        _date = date;
        return PublishAsync();
    }

    private Task OnTimeChangedAsync(TimeSpan? time)
    {
        _time = time;
        return PublishAsync();
    }

    /// <summary>A date alone means 9 am that day; a time alone means today (or tomorrow, once that time has passed).</summary>
    private Task PublishAsync()
    {
        if (_date is null && _time is null)
        {
            return ValueChanged.InvokeAsync(null);
        }

        var now = Time.GetUtcNow();
        var time = _time ?? TimeSpan.FromHours(9);
        var date = _date ?? (Viewer.FromLocal(Today + time) > now ? Today : Today.AddDays(1));
        return ValueChanged.InvokeAsync(Viewer.FromLocal(date.Date + time));
    }

    /// <summary>To the next minute, as a person would say it.</summary>
    private static DateTimeOffset Round(DateTimeOffset moment) =>
        new(moment.Ticks - (moment.Ticks % TimeSpan.TicksPerMinute) + TimeSpan.TicksPerMinute, moment.Offset);
}
