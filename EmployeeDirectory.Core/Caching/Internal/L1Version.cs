namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// A snapshot of L1's write version for one key, taken before a load. If it has moved by the time the
/// load writes back, an invalidation (or a clear) happened in between and the loaded value may be old.
/// </summary>
internal readonly record struct L1Version(long Epoch, long Stripe);
