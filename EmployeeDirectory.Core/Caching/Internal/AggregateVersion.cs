using System.Globalization;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// How many patches an aggregate has had (<see cref="Count"/>) since its version was started (<see cref="Epoch"/>,
/// a random token): Redis's <c>epoch:n</c>. A new epoch means Redis lost the count, so nothing can be assumed.
/// </summary>
internal readonly record struct AggregateVersion(string Epoch, long Count)
{
    public static AggregateVersion? Parse(string? text)
    {
        var colon = text?.LastIndexOf(':') ?? -1;
        return colon > 0 && long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? new AggregateVersion(text![..colon], count)
            : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Epoch}:{Count}");
}
