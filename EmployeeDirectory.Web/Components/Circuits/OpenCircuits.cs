using System.Collections.Concurrent;

namespace EmployeeDirectory.Web.Components.Circuits;

/// <summary>The circuits open on this server, counted per user, so <see cref="CircuitLimitHandler"/> can hold each to the limit.</summary>
internal sealed class OpenCircuits
{
    private readonly ConcurrentDictionary<string, int> _perUser = new(StringComparer.Ordinal);

    /// <summary>Counts one more circuit for <paramref name="user"/> unless they have <paramref name="limit"/> already; true when counted.</summary>
    public bool TryOpen(string user, int limit)
    {
        while (true)
        {
            var open = _perUser.GetValueOrDefault(user);
            if (open >= limit)
            {
                return false;
            }

            if (open == 0 ? _perUser.TryAdd(user, 1) : _perUser.TryUpdate(user, open + 1, open))
            {
                return true;
            }
        }
    }

    /// <summary>One circuit of <paramref name="user"/> closed.</summary>
    public void Close(string user)
    {
        while (_perUser.TryGetValue(user, out var open))
        {
            if (open <= 1 ? _perUser.TryRemove(new KeyValuePair<string, int>(user, open)) : _perUser.TryUpdate(user, open - 1, open))
            {
                return;
            }
        }
    }

    /// <summary>How many circuits <paramref name="user"/> has open here.</summary>
    public int CountOf(string user) => _perUser.GetValueOrDefault(user);
}
