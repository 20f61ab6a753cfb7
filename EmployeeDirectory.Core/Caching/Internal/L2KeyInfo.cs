namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>Remaining lifetime and size of one Redis key; <see cref="Exists"/> false once it is gone.</summary>
internal readonly record struct L2KeyInfo(string Key, TimeSpan? Remaining, long SizeBytes)
{
    public bool Exists => Remaining is not null;
}
