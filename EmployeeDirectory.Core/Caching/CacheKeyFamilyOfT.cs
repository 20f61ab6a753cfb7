using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EmployeeDirectory.Core.Caching;

/// <summary>A key family whose values are <typeparamref name="T"/>, stored in Redis as JSON through <see cref="TypeInfo"/>.</summary>
/// <typeparam name="T">The cached value's type.</typeparam>
public sealed class CacheKeyFamily<T> : CacheKeyFamily
    where T : class
{
    /// <summary>Declares a family.</summary>
    /// <param name="template">The key without prefix, with at most one <c>{id}</c>.</param>
    /// <param name="policy">The policy its values live by.</param>
    /// <param name="typeInfo">Source-generated JSON metadata of <typeparamref name="T"/>.</param>
    /// <param name="holds">What the values are, for the admin console.</param>
    public CacheKeyFamily(string template, CachePolicy policy, JsonTypeInfo<T> typeInfo, string holds)
        : base(template, policy, holds)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        TypeInfo = typeInfo;
    }

    /// <summary>How values are (de)serialised.</summary>
    public JsonTypeInfo<T> TypeInfo { get; }

    /// <summary>
    /// When a value stops being true by itself (a status "out until 15:00"); null when it lasts until changed.
    /// Its cached copies then live no longer than that, in both tiers, whatever the policy's TTL.
    /// </summary>
    public Func<T, DateTimeOffset?>? EndsAt { get; init; }

    /// <summary>The drop of <paramref name="id"/>'s key, carrying its new value for listeners (see <see cref="CacheDrop.Successor"/>).</summary>
    public CacheDrop Drop(int id, T successor)
    {
        ArgumentNullException.ThrowIfNull(successor);
        return new CacheDrop(this, id) { Successor = JsonSerializer.Serialize(successor, TypeInfo) };
    }

    /// <summary>The new value a drop of this family carries; null when it carries none or one that cannot be read.</summary>
    public T? SuccessorOf(CacheDrop drop)
    {
        ArgumentNullException.ThrowIfNull(drop);
        if (drop.Family != this || drop.Successor is not { } successor)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(successor, TypeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
