using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Operations;
using EmployeeDirectory.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Replicas;

/// <summary>
/// <c>GET /api/admin/cache/evictions</c>: a server-sent-events stream of this replica's L1 evictions, as
/// they happen, with this replica's timestamp. Operators watch invalidations arrive on one replica
/// (<c>curl -N</c>); scripts/invalidation-latency.sh times them against writes made on another. Every
/// <see cref="RecheckInterval"/> the caller is checked afresh (<see cref="AdminRecheck"/>): once its key is revoked
/// or expired, or its account is no longer an admin, the stream sends an <c>end</c> event and closes.
/// </summary>
internal static partial class EvictionStream
{
    public const string Path = "/api/admin/cache/evictions";

    /// <summary>The first event, sent once this replica is listening: evictions from then on are streamed.</summary>
    public const string ReadyEvent = "ready";

    public const string EvictionEvent = "eviction";

    /// <summary>The last event of a stream whose caller is no longer allowed it.</summary>
    public const string EndEvent = "end";

    /// <summary>How often an open stream checks that its caller is still an admin.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(2);

    // A reader that falls this far behind loses the oldest events rather than holding memory without bound.
    private const int Backlog = 10_000;

    public static RouteHandlerBuilder MapEvictionStream(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, Stream)
            .RequireAuthorization(DirectoryPolicies.Admin)
            .WithTags("Cache")
            .WithName("CacheEvictionStream")
            .WithSummary("This replica's L1 evictions as server-sent events, as they happen (admins only).");

    private static ServerSentEventsResult<string> Stream(
        ClaimsPrincipal user,
        ICacheOperator cache,
        AdminRecheck admins,
        IOptions<ReplicaOptions> replica,
        TimeProvider time,
        ILoggerFactory loggers,
        IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(ReadAsync(
            new Caller(user, admins), cache, replica.Value.Name!, time, loggers.CreateLogger(typeof(EvictionStream)), lifetime.ApplicationStopping, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> ReadAsync(
        Caller caller,
        ICacheOperator cache,
        string replica,
        TimeProvider time,
        ILogger logger,
        CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var dropping = 0;
        var evictions = Channel.CreateBounded<L1Eviction>(
            new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ =>
            {
                if (Interlocked.Exchange(ref dropping, 1) == 0)
                {
                    Log.EvictionsDropped(logger, replica, Backlog);
                }
            });

        // Stamped in the handler, so the time is when this replica evicted, not when the stream got round to it.
        void OnEvicted(object? sender, CacheInvalidatedEventArgs e) =>
            evictions.Writer.TryWrite(new L1Eviction(replica, time.GetUtcNow(), e.Remote, e.Keys));

        // The stream ends quietly when the client leaves or the server stops (an open stream must never
        // hold up a graceful shutdown): completing the channel ends the loop below without an exception.
        using var left = cancellationToken.Register(() => evictions.Writer.TryComplete());
        using var stopped = stopping.Register(() => evictions.Writer.TryComplete());
        using var rechecking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        var recheck = RecheckAsync(caller, time, logger, () => evictions.Writer.TryComplete(), rechecking.Token);
        cache.Evicted += OnEvicted;
        try
        {
            yield return new SseItem<string>(Serialize(new L1Eviction(replica, time.GetUtcNow(), Remote: false, [])), ReadyEvent);
            await foreach (var eviction in evictions.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return new SseItem<string>(Serialize(eviction), EvictionEvent);
            }

            if (caller.Refused)
            {
                yield return new SseItem<string>("{\"reason\":\"The API key was revoked or has expired, or the account is no longer an admin.\"}", EndEvent);
            }
        }
        finally
        {
            cache.Evicted -= OnEvicted;
            await rechecking.CancelAsync().ConfigureAwait(false);
            await recheck.ConfigureAwait(false);
        }
    }

    /// <summary>Checks the caller every <see cref="RecheckInterval"/>; when it is no longer an admin, ends the stream.</summary>
    private static async Task RecheckAsync(Caller caller, TimeProvider time, ILogger logger, Action end, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RecheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                bool allowed;
                try
                {
                    allowed = await caller.Admins.IsStillAdminAsync(caller.User, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The database is out of reach: the next tick asks again; the stream carries on meanwhile.
                    Log.RecheckFailed(logger, caller.User.Identity?.Name, error);
                    continue;
                }

                if (!allowed)
                {
                    caller.Refused = true;
                    Log.Ended(logger, caller.User.Identity?.Name);
                    end();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The stream ended first.
        }
    }

    private static string Serialize(L1Eviction eviction) => JsonSerializer.Serialize(eviction, ReplicasJsonContext.Default.L1Eviction);

    /// <summary>Who opened the stream, and whether a re-check has refused them since.</summary>
    private sealed class Caller(ClaimsPrincipal user, AdminRecheck admins)
    {
        public ClaimsPrincipal User { get; } = user;

        public AdminRecheck Admins { get; } = admins;

        public bool Refused { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Ended the eviction stream of {Caller}: no longer an admin (key revoked or expired, or account changed)")]
        public static partial void Ended(ILogger logger, string? caller);

        [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Could not re-check the eviction stream's caller {Caller}; trying again shortly")]
        public static partial void RecheckFailed(ILogger logger, string? caller, Exception error);

        [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "An eviction stream reader on {Replica} fell {Backlog} events behind; from now on its oldest events are dropped")]
        public static partial void EvictionsDropped(ILogger logger, string replica, int backlog);
    }
}
