using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using EmployeeDirectory.Core.Caching;
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
        IFieldCache cache,
        IOptions<ReplicaOptions> replica,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(ReadAsync(cache, replica.Value.Name!, time, loggers.CreateLogger(typeof(EvictionStream)), cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> ReadAsync(
        IFieldCache cache,
        string replica,
        TimeProvider time,
        ILogger logger,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var evictions = Channel.CreateBounded<L1Eviction>(
            new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Log.EvictionDropped(logger, replica));

        // Stamped in the handler, so the time is when this replica evicted, not when the stream got round to it.
        void OnInvalidated(object? sender, CacheInvalidatedEventArgs e) =>
            evictions.Writer.TryWrite(new L1Eviction(replica, time.GetUtcNow(), e.Remote, e.Keys));

        cache.Invalidated += OnInvalidated;
        try
        {
            yield return new SseItem<string>(Serialize(new L1Eviction(replica, time.GetUtcNow(), Remote: false, [])), ReadyEvent);
            await foreach (var eviction in evictions.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return new SseItem<string>(Serialize(eviction), EvictionEvent);
            }
        }
        finally
        {
            cache.Invalidated -= OnInvalidated;
        }
    }

    private static string Serialize(L1Eviction eviction) => JsonSerializer.Serialize(eviction, ReplicasJsonContext.Default.L1Eviction);

    private static partial class Log
    {
        [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "An eviction stream reader on {Replica} fell behind; the oldest event was dropped")]
        public static partial void EvictionDropped(ILogger logger, string replica);
    }
}
