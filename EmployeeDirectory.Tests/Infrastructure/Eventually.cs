using System.Diagnostics;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// The one way tests wait for something that happens in the background: poll a condition until it holds or
/// the time is up, then fail with a message saying what was awaited and what was last seen.
/// </summary>
public static class Eventually
{
    /// <summary>How long a condition gets unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);

    /// <summary>Waits until <paramref name="condition"/> holds; <paramref name="what"/> names it in the failure.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<object?>? lastSeen = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout, lastSeen);

    /// <summary>Waits until <paramref name="condition"/> holds; <paramref name="what"/> names it in the failure.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<object?>? lastSeen = null)
    {
        await ReturnsAsync(async () => await condition(), holds => holds, what, timeout, lastSeen is null ? null : _ => lastSeen());
    }

    /// <summary>
    /// Reads <paramref name="probe"/> until <paramref name="accept"/> takes its value, and returns that value.
    /// The failure message shows the last value read (or <paramref name="describe"/> of it).
    /// </summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, string what, TimeSpan? timeout = null, Func<T, object?>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(accept);
        var limit = timeout ?? DefaultTimeout;
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        var pause = FirstPause;
        while (true)
        {
            var value = await probe();
            if (accept(value))
            {
                return value;
            }

            if (clock.Elapsed >= limit)
            {
                var seen = describe is null ? value : describe(value);
                Assert.Fail($"Waited {limit.TotalSeconds:0.#} s for {what}; last seen: {seen?.ToString() ?? "null"}.");
            }

            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }
}
