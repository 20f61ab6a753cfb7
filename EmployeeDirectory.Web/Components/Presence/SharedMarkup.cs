using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace EmployeeDirectory.Web.Components.Presence;

/// <summary>
/// Markup that many open pages render alike (the same person's row on a thousand directory pages), made once per
/// server and shared: a page's render tree then holds a reference, not a copy of its own. Bounded: past
/// <paramref name="capacity"/> entries it starts afresh (pages keep the markup they hold; the next renders fill it again).
/// </summary>
internal sealed class SharedMarkup<TKey>(int capacity)
    where TKey : notnull
{
    private ConcurrentDictionary<TKey, MarkupString> _entries = new();

    /// <summary>The markup for <paramref name="key"/>, rendered by <paramref name="render"/> the first time.</summary>
    public MarkupString Get<TState>(TKey key, TState state, Func<TState, MarkupString> render)
    {
        var entries = Volatile.Read(ref _entries);
        if (entries.TryGetValue(key, out var markup))
        {
            return markup;
        }

        markup = render(state);
        if (entries.Count >= capacity)
        {
            Interlocked.CompareExchange(ref _entries, new ConcurrentDictionary<TKey, MarkupString>(), entries);
            entries = Volatile.Read(ref _entries);
        }

        return entries.GetOrAdd(key, markup);
    }
}
