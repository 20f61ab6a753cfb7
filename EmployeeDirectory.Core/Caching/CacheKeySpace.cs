using System.Globalization;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// Builds and recognises the prefixed keys declared in <see cref="DirectoryCacheContract"/>, and resolves
/// the invalidation map for one write.
/// </summary>
public sealed class CacheKeySpace
{
    private readonly string _roster;
    private readonly string _presence;

    public CacheKeySpace(IOptions<CacheOptions> options)
        : this(options?.Value.Prefix ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public CacheKeySpace(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        Prefix = prefix;
        _roster = prefix + DirectoryCacheContract.Roster.Template;
        _presence = prefix + DirectoryCacheContract.Presence.Template;
        InvalidationChannel = prefix + "invalidation:v1";
        VersionsKey = prefix + "meta:versions";
    }

    /// <summary>Prefix of every key, e.g. <c>ed:</c>.</summary>
    public string Prefix { get; }

    /// <summary>The versioned pub/sub channel invalidations travel on.</summary>
    public string InvalidationChannel { get; }

    /// <summary>
    /// Internal hash of per-key write versions that guards write-backs against the cache-aside race.
    /// Not a cached value: introspection skips it.
    /// </summary>
    public string VersionsKey { get; }

    public CacheKey<EmployeeProfile> Profile(int employeeId) =>
        new(Resolve(DirectoryCacheContract.EmployeeProfile, employeeId), CachePolicy.Profile, CacheJsonContext.Default.EmployeeProfile);

    public CacheKey<EmployeeStatus> Status(int employeeId) =>
        new(Resolve(DirectoryCacheContract.EmployeeStatus, employeeId), CachePolicy.Status, CacheJsonContext.Default.EmployeeStatus);

    public CacheKey<RosterIndex> Roster => new(_roster, CachePolicy.Profile, CacheJsonContext.Default.RosterIndex);

    public CacheKey<PresenceRoster> Presence => new(_presence, CachePolicy.Status, CacheJsonContext.Default.PresenceRoster);

    /// <summary>The full keys a write to one employee invalidates, straight from the invalidation map.</summary>
    public IReadOnlyList<string> InvalidatedBy(DirectoryWrite write, int employeeId) =>
        [.. DirectoryCacheContract.InvalidationMap[write].Select(definition => Resolve(definition, employeeId))];

    /// <summary>The full key of a definition; <paramref name="employeeId"/> fills <c>{id}</c> where there is one.</summary>
    public string Resolve(CacheKeyDefinition definition, int employeeId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.IsPerEmployee
            ? Prefix + definition.Template.Replace(DirectoryCacheContract.IdPlaceholder, employeeId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : Prefix + definition.Template;
    }

    /// <summary>The Redis SCAN pattern matching every key of a policy's families, or all cached keys.</summary>
    public IReadOnlyList<string> ScanPatterns(CachePolicy? policy) =>
        [.. DirectoryCacheContract.Keys
            .Where(definition => policy is null || definition.Policy == policy)
            .Select(definition => Prefix + definition.Template.Replace(DirectoryCacheContract.IdPlaceholder, "*", StringComparison.Ordinal))];

    /// <summary>Recognises a full key of this key space.</summary>
    public bool TryParse(string key, out ParsedCacheKey parsed)
    {
        parsed = default;
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key.AsSpan(Prefix.Length);
        foreach (var definition in DirectoryCacheContract.Keys)
        {
            var template = definition.Template.AsSpan();
            var hole = template.IndexOf(DirectoryCacheContract.IdPlaceholder, StringComparison.Ordinal);
            if (hole < 0)
            {
                if (rest.SequenceEqual(template))
                {
                    parsed = new ParsedCacheKey(definition, null);
                    return true;
                }

                continue;
            }

            var head = template[..hole];
            var tail = template[(hole + DirectoryCacheContract.IdPlaceholder.Length)..];
            if (rest.Length > head.Length + tail.Length && rest.StartsWith(head, StringComparison.Ordinal) && rest.EndsWith(tail, StringComparison.Ordinal)
                && int.TryParse(rest[head.Length..^tail.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                parsed = new ParsedCacheKey(definition, id);
                return true;
            }
        }

        return false;
    }
}
