using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Aggregates on this server: loaded once (from Redis's complete copy, else from the source and written back),
/// then kept current by patches rather than reloaded. A copy is checked against Redis's version once per L1
/// cap; a version it skipped (a lost message) or a check it fails starts a reload in the background while the
/// copy keeps serving. Patches heard while a copy loads are applied to it once it is in place.
/// </summary>
internal sealed partial class AggregateCache(
    L1Store l1,
    RedisGate gate,
    CachePolicies policies,
    CacheMetrics metrics,
    SingleFlight flights,
    Func<CacheKeySpace> keys,
    ILogger logger,
    CancellationToken shutdown)
{
    /// <summary>How long a copy behind Redis's version gets to hear the messages that may still be on their way.</summary>
    private static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, PatchBuffer> _loading = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<Task>> _reloads = new(StringComparer.Ordinal);

    public ValueTask<T> GetAsync<T>(CacheAggregateFamily<T> family, Func<CancellationToken, Task<IReadOnlyList<AggregateMember>>> load, CancellationToken cancellationToken)
        where T : class
    {
        var key = keys().NameOf(family, 0);
        var sampledStart = metrics.SampleL1Start();
        if (l1.TryGet<AggregateState<T>>(key, out var state))
        {
            metrics.L1Hit(family.Policy, sampledStart);
            if (gate.Tier is not null && state.CheckDueTicks < l1.Now.UtcTicks)
            {
                _ = CheckAsync(key, family.Policy, state);
            }

            return new ValueTask<T>(state.Snapshot);
        }

        metrics.Miss(CacheTier.L1, family.Policy);
        return new ValueTask<T>(MissAsync(family, key, load, cancellationToken));
    }

    /// <summary>Applies patches to this server's copy, if it holds one (and to a copy being loaded).</summary>
    public void Apply(string key, IReadOnlyList<AggregateMember> members, AggregateVersion? version)
    {
        if (_loading.TryGetValue(key, out var buffer))
        {
            buffer.Add(members, version);
        }

        if (l1.Peek(key) is { Value: IAggregateState state } entry)
        {
            var needsReload = state.Apply(members, version);
            l1.TryReplace(key, entry, state, state.Size);
            if (needsReload)
            {
                StartReload(key, state);
            }
        }
    }

    /// <summary>Checks every copy this server holds against Redis (after a reconnect, when messages may have been missed).</summary>
    public void CheckAll()
    {
        foreach (var (key, entry) in l1.Snapshot())
        {
            if (entry.Value is IAggregateState state)
            {
                _ = CheckAsync(key, entry.Policy, state);
            }
        }
    }

    private async Task<T> MissAsync<T>(CacheAggregateFamily<T> family, string key, Func<CancellationToken, Task<IReadOnlyList<AggregateMember>>> load, CancellationToken cancellationToken)
        where T : class
    {
        if (!flights.TryLead(key, out var flight))
        {
            return (T)(await flight.Task.WaitAsync(cancellationToken).ConfigureAwait(false))!;
        }

        return await LeadAsync(family, key, load, flight).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // The load runs on the cache's own token: one caller giving up must not fail the others.
    private async Task<T> LeadAsync<T>(CacheAggregateFamily<T> family, string key, Func<CancellationToken, Task<IReadOnlyList<AggregateMember>>> load, TaskCompletionSource<object?> flight)
        where T : class
    {
        try
        {
            _reloads[key] = () => ReloadAsync(family, key, load);
            var l1Version = l1.VersionOf(key);
            var state = await LoadAsync(family, key, load, install: loaded =>
            {
                var settings = policies[family.Policy];
                var lifetime = loaded.Version is not null ? TimeSpan.MaxValue : gate.Tier is null ? settings.Ttl : settings.L1Cap;
                l1.TrySet(key, loaded, family.Policy, lifetime, loaded.Size, l1Version);
            }).ConfigureAwait(false);
            flights.Land(key, flight, state.Snapshot);
            return state.Snapshot;
        }
        catch (Exception error)
        {
            flights.Crash(key, flight, error);
            throw;
        }
    }

    /// <summary>
    /// A copy from Redis's complete one, else from the source (written back to Redis), put in place by
    /// <paramref name="install"/>; patches heard meanwhile are applied to it, before and after it is in place.
    /// </summary>
    private async Task<AggregateState<T>> LoadAsync<T>(
        CacheAggregateFamily<T> family,
        string key,
        Func<CancellationToken, Task<IReadOnlyList<AggregateMember>>> load,
        Action<AggregateState<T>> install)
        where T : class
    {
        var buffer = new PatchBuffer();
        _loading[key] = buffer;
        AggregateState<T>? state = null;
        try
        {
            var started = Stopwatch.GetTimestamp();
            var inRedis = await gate.TryAsync(key, static (tier, k) => tier.ReadAggregateAsync(k)).ConfigureAwait(false);
            var source = "Redis";
            if (inRedis is { Succeeded: true, Value: { } complete })
            {
                metrics.Latency(CacheTier.L2, family.Policy, started);
                metrics.Hit(CacheTier.L2, family.Policy);
                state = new AggregateState<T>(family.Codec, complete.Members, complete.Version, key, logger);
            }
            else
            {
                if (inRedis.Succeeded)
                {
                    metrics.Miss(CacheTier.L2, family.Policy);
                }

                state = await LoadFromSourceAsync(family, key, load).ConfigureAwait(false);
                source = "the source";
            }

            // Fetching from the source includes writing the copy back to Redis.
            var fetch = Stopwatch.GetElapsedTime(started) - state.BuildTime;
            Log.Loaded(logger, key, source, state.MemberCount, fetch.TotalMilliseconds, state.BuildTime.TotalMilliseconds);

            ApplyHeard(state, buffer);
            state.CheckDueTicks = l1.Now.UtcTicks + policies[family.Policy].L1Cap.Ticks;
            install(state);
            return state;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<string, PatchBuffer>(key, buffer));
            if (state is not null)
            {
                ApplyHeard(state, buffer);
            }
        }
    }

    private static void ApplyHeard<T>(AggregateState<T> state, PatchBuffer buffer)
        where T : class
    {
        foreach (var (members, version) in buffer.Drain())
        {
            state.Apply(members, version);
        }
    }

    private async Task<AggregateState<T>> LoadFromSourceAsync<T>(CacheAggregateFamily<T> family, string key, Func<CancellationToken, Task<IReadOnlyList<AggregateMember>>> load)
        where T : class
    {
        // The version is taken before the source is read: the write-back then keeps whatever was patched meanwhile.
        var before = await gate.TryAsync(key, static (tier, k) => tier.StartAggregateVersionAsync(k)).ConfigureAwait(false);
        var loadStarted = Stopwatch.GetTimestamp();
        var members = await load(shutdown).ConfigureAwait(false);
        metrics.Loaded(family.Policy, 1, loadStarted);
        var state = new AggregateState<T>(family.Codec, members, null, key, logger);
        if (before.Succeeded)
        {
            var ttl = policies[family.Policy].JitteredTtl();
            var written = await gate.TryAsync((key, members, ttl), static (tier, s) => tier.WriteAggregateAsync(s.key, s.members, s.ttl)).ConfigureAwait(false);
            if (written.Succeeded)
            {
                state.Apply(written.Value.Kept, null);
                state.Versioned(written.Value.Version);
            }
        }

        return state;
    }

    private async Task CheckAsync(string key, CachePolicy policy, IAggregateState state)
    {
        if (!state.TryStartRefresh())
        {
            return;
        }

        try
        {
            var latest = await gate.TryAsync(key, static (tier, k) => tier.AggregateVersionAsync(k)).ConfigureAwait(false);
            if (latest.Succeeded && state.IsBehind(latest.Value) && _reloads.TryGetValue(key, out var reload))
            {
                // Redis may be ahead only by messages still on their way (this server's own last write among them):
                // a copy that catches up meanwhile missed nothing.
                await Task.Delay(InFlightGrace, shutdown).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (!shutdown.IsCancellationRequested && state.IsBehind(latest.Value))
                {
                    Log.Behind(logger, key);
                    await reload().ConfigureAwait(false);
                }
            }

            state.CheckDueTicks = l1.Now.UtcTicks + policies[policy].L1Cap.Ticks;
        }
        finally
        {
            state.EndRefresh();
        }
    }

    private void StartReload(string key, IAggregateState state)
    {
        if (!state.TryStartRefresh() || !_reloads.TryGetValue(key, out var reload))
        {
            return;
        }

        Log.Gap(logger, key);
        _ = RunReloadAsync();

        async Task RunReloadAsync()
        {
            try
            {
                await reload().ConfigureAwait(false);
            }
            finally
            {
                state.EndRefresh();
            }
        }
    }

    /// <summary>Loads a new copy while the old one keeps serving, then puts it in the old one's place (unless the key was dropped meanwhile).</summary>
    private async Task ReloadAsync<T>(CacheAggregateFamily<T> family, string key, Func<CancellationToken, Task<IReadOnlyList<AggregateMember>>> load)
        where T : class
    {
        try
        {
            var l1Version = l1.VersionOf(key);
            await LoadAsync(family, key, load, install: loaded =>
            {
                if (l1.Peek(key) is { } current && l1.VersionOf(key) == l1Version)
                {
                    l1.TryReplace(key, current, loaded, loaded.Size);
                }
            }).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed background reload must not fail whoever started it: the old copy keeps serving and the next check retries.
        catch (Exception error) when (!shutdown.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.ReloadFailed(logger, key, error);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Aggregate {Key} missed a patch (version gap); reloading it while the current copy serves")]
        public static partial void Gap(ILogger logger, string key);

        [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Aggregate {Key} is behind Redis's version; reloading it while the current copy serves")]
        public static partial void Behind(ILogger logger, string key);

        [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "Reloading aggregate {Key} failed; the current copy keeps serving")]
        public static partial void ReloadFailed(ILogger logger, string key, Exception error);

        [LoggerMessage(EventId = 1213, Level = LogLevel.Information, Message = "Aggregate {Key} loaded from {Source}: {Members} members, fetched in {FetchMs:0} ms, built into a snapshot in {BuildMs:0} ms")]
        public static partial void Loaded(ILogger logger, string key, string source, int members, double fetchMs, double buildMs);
    }
}
