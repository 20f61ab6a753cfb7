namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Invalidations that could not be delivered to Redis. Until they are, Redis may still hold the values their
/// writes replaced, so <see cref="RedisGate"/> has them delivered before anything reads Redis again.
/// </summary>
internal sealed class OwedInvalidations
{
    private readonly Lock _gate = new();
    private readonly List<ResolvedInvalidation> _owed = [];

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _owed.Count == 0;
            }
        }
    }

    public void Add(ResolvedInvalidation invalidation)
    {
        lock (_gate)
        {
            _owed.Add(invalidation);
        }
    }

    /// <summary>The owed invalidations, oldest first; delivered ones are taken off with <see cref="Delivered"/>.</summary>
    public ResolvedInvalidation[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _owed];
        }
    }

    public void Delivered(ResolvedInvalidation invalidation)
    {
        lock (_gate)
        {
            _owed.Remove(invalidation);
        }
    }
}
