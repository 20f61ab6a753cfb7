using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
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
/// (<c>curl -N</c>); scripts/invalidation-latency.sh times them against writes made on another.
/// </summary>
internal static partial class EvictionStream
{
    public const string Path = "/api/admin/cache/evictions";

    /// <summary>The first event, sent once this replica is listening: evictions from then on are streamed.</summary>
    public const string ReadyEvent = "ready";

    public const string EvictionEvent = "eviction";

    // A reader that falls this far behind loses the oldest events rather than holding memory without bound.
    private const int Backlog = 10_000;

    public static RouteHandlerBuilder MapEvictionStream(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, Stream)
            .RequireAuthorization(DirectoryPolicies.Admin)
            .WithTags("Cache")
            .WithName("CacheEvictionStream")
            .WithSummary("This replica's L1 evictions as server-sent events, as they happen (admins only).");

    private static ServerSentEventsResult<string> Stream(
        ICacheOperator cache,
        IOptions<ReplicaOptions> replica,
        TimeProvider time,
        ILoggerFactory loggers,
        IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(ReadAsync(
            cache, replica.Value.Name!, time, loggers.CreateLogger(typeof(EvictionStream)), lifetime.ApplicationStopping, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> ReadAsync(
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
        cache.Evicted += OnEvicted;
        try
        {
            yield return new SseItem<string>(Serialize(new L1Eviction(replica, time.GetUtcNow(), Remote: false, [])), ReadyEvent);
            await foreach (var eviction in evictions.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return new SseItem<string>(Serialize(eviction), EvictionEvent);
            }
        }
        finally
        {
            cache.Evicted -= OnEvicted;
        }
    }

    private static string Serialize(L1Eviction eviction) => JsonSerializer.Serialize(eviction, ReplicasJsonContext.Default.L1Eviction);

    private static partial class Log
    {
        [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "An eviction stream reader on {Replica} fell {Backlog} events behind; from now on its oldest events are dropped")]
        public static partial void EvictionsDropped(ILogger logger, string replica, int backlog);
    }
}
