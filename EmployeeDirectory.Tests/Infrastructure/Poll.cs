namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>Waits on a condition with a deadline, and fails saying what it was waiting for.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns once <paramref name="condition"/> is true; throws a <see cref="TimeoutException"/> naming <paramref name="awaited"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string awaited, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {awaited}, in vain.");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }

    /// <summary>Polls <paramref name="read"/> until it returns a value, which it returns.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> read, TimeSpan timeout, string awaited, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        T? value = null;
        await UntilAsync(async () => (value = await read()) is not null, timeout, awaited, cancellationToken);
        return value!;
    }
}
