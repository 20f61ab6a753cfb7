using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching;

public sealed partial class FieldCache
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Redis is unavailable; serving from L1 and the database until it recovers")]
        public static partial void RedisUnavailable(ILogger logger, Exception error);

        [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Redis is available again; L2 is back in use")]
        public static partial void RedisRecovered(ILogger logger);

        [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Redis call failed")]
        public static partial void RedisCallFailed(ILogger logger, Exception error);

        [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Redis {ConnectionType} connection lost ({FailureType})")]
        public static partial void RedisConnectionLost(ILogger logger, ConnectionType connectionType, ConnectionFailureType failureType);

        [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Redis {ConnectionType} connection restored; L1 cleared because invalidations may have been missed")]
        public static partial void RedisConnectionRestored(ILogger logger, ConnectionType connectionType);

        [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Flushed {Count} invalidations queued during the Redis outage")]
        public static partial void FlushedPendingInvalidations(ILogger logger, int count);

        [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Cached entry {Key} could not be read and is treated as a miss")]
        public static partial void UnreadableEntry(ILogger logger, string key, Exception error);

        [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "An invalidation message could not be read and was ignored")]
        public static partial void UnreadableMessage(ILogger logger, Exception error);
    }
}
