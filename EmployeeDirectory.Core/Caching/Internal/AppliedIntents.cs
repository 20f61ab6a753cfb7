namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// The outbox intents this server applied lately (sent, heard or caught up on), so following the outbox does
/// not evict the same keys again on every poll. Bounded: the oldest ids are forgotten first.
/// </summary>
internal sealed class AppliedIntents
{
    private const int Capacity = 50_000;
    private readonly Lock _gate = new();
    private readonly HashSet<long> _ids = [];
    private readonly Queue<long> _order = new();

    /// <summary>True when <paramref name="id"/> is recorded (and not forgotten yet).</summary>
    public bool Contains(long id)
    {
        lock (_gate)
        {
            return _ids.Contains(id);
        }
    }

    /// <summary>Records <paramref name="id"/>; false when it was recorded already. Id 0 (no intent) is never recorded.</summary>
    public bool Add(long id)
    {
        if (id == 0)
        {
            return true;
        }

        lock (_gate)
        {
            if (!_ids.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > Capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
