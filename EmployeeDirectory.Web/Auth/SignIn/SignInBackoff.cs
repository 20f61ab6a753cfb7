using System.Collections.Concurrent;
using System.Net;
using EmployeeDirectory.Web.RateLimiting;

namespace EmployeeDirectory.Web.Auth.SignIn;

/// <summary>
/// Slows password guessing at one account from one client without ever locking the account: from the
/// <see cref="FreeFailures"/>th wrong password from a client (an IPv6 one by its /64), each next attempt from that
/// client at that account must wait 1, 2, 4... seconds after the last failure, up to <see cref="MaxDelay"/>, and is
/// refused unchecked until then. The account's owner, signing in from their own address, never waits for what others sent. A success
/// clears the client's count; a quiet <see cref="Forgotten"/> does too. Unknown accounts count the same, so the wait
/// says nothing about whether an email has an account. Kept in this server's memory, like the rate limits.
/// </summary>
internal sealed class SignInBackoff(TimeProvider time)
{
    /// <summary>Wrong passwords a client may send at an account before it has to wait.</summary>
    public const int FreeFailures = 3;

    /// <summary>The longest wait between attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>A client whose last failure at an account is this old starts afresh.</summary>
    public static readonly TimeSpan Forgotten = TimeSpan.FromHours(1);

    // Beyond this many (account, client) pairs, stale ones are swept before another is added.
    private const int SweepAbove = 50_000;

    private readonly ConcurrentDictionary<(string Account, string Client), Failures> _failures = new();

    /// <summary>How long the client must still wait before trying this account again; null when it may now.</summary>
    public TimeSpan? WaitFor(string email, IPAddress? client)
    {
        var now = time.GetUtcNow();
        return _failures.TryGetValue(Key(email, client), out var failures) && failures.NextAttempt > now ? failures.NextAttempt - now : null;
    }

    /// <summary>Records a wrong password (or an unknown or refused account) from the client.</summary>
    public void Failed(string email, IPAddress? client)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > SweepAbove)
        {
            Sweep(now);
        }

        _failures.AddOrUpdate(
            Key(email, client),
            _ => Next(1, now),
            (_, before) => Next(now - before.Last > Forgotten ? 1 : before.Count + 1, now));
    }

    /// <summary>A right password from the client: its count at this account starts afresh.</summary>
    public void Succeeded(string email, IPAddress? client) => _failures.TryRemove(Key(email, client), out _);

    /// <summary>An admin unlocked the account: every client's count at it starts afresh (on this server).</summary>
    public void Forget(string email)
    {
        var account = Normalize(email);
        foreach (var key in _failures.Keys.Where(key => key.Account == account))
        {
            _failures.TryRemove(key, out _);
        }
    }

    private static Failures Next(int count, DateTimeOffset now)
    {
        // The last free failure already asks for a second's wait, then each one doubles it.
        var over = count - FreeFailures;
        var delay = over < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(over, 20)), MaxDelay.TotalSeconds));
        return new Failures(count, now, now + delay);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (now - failures.Last > Forgotten || (failures.NextAttempt <= now && failures.Count <= FreeFailures))
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static (string, string) Key(string email, IPAddress? client) => (Normalize(email), ClientPartition.Of(client));

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset NextAttempt);
}
