namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>The outcome of a call through <see cref="RedisGate"/>: its value, or unavailable (not configured, breaker open, or the call failed).</summary>
internal readonly record struct Guarded<T>(bool Succeeded, T Value)
{
    public static Guarded<T> Unavailable => default;
}
