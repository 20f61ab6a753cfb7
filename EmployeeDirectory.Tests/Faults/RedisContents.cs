using System.Globalization;
using System.Text.Json;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Employees;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// What Redis holds for one employee in the servers' current key space, read with a connection of the test's
/// own: the cached status and profile, and the employee's members of the presence and roster aggregates
/// (hash fields <c>version|payload</c>). Null where Redis holds nothing, which is never stale.
/// </summary>
internal sealed class RedisContents(IDatabase redis, CacheKeySpace keys)
{
    public async Task<long?> StatusStampAsync(int id)
    {
        var json = await redis.StringGetAsync(keys.Status(id).Name);
        return json.IsNull ? null : JsonSerializer.Deserialize((string)json!, DirectoryCacheContract.EmployeeStatus.TypeInfo)!.Stamp;
    }

    public async Task<long?> PresenceMemberStampAsync(int id) => VersionOf(await redis.HashGetAsync(keys.Presence, id));

    public async Task<EmployeeProfile?> ProfileAsync(int id)
    {
        var json = await redis.StringGetAsync(keys.Profile(id).Name);
        return json.IsNull ? null : JsonSerializer.Deserialize((string)json!, DirectoryCacheContract.EmployeeProfile.TypeInfo);
    }

    /// <summary>The employee's entry in the roster aggregate (the search index), without its version.</summary>
    public async Task<string?> RosterMemberAsync(int id)
    {
        var field = (string?)await redis.HashGetAsync(keys.Roster, id);
        return field?[(field.IndexOf('|', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>Every place Redis holds a status of <paramref name="id"/> older than <paramref name="stamp"/>, described.</summary>
    public async Task<IReadOnlyList<string>> StalePresenceAsync(int id, long stamp)
    {
        var stale = new List<string>();
        if (await StatusStampAsync(id) is { } cached && cached < stamp)
        {
            stale.Add($"{keys.Status(id).Name} holds stamp {cached}, the database {stamp}");
        }

        if (await PresenceMemberStampAsync(id) is { } member && member < stamp)
        {
            stale.Add($"{keys.Presence} field {id} holds stamp {member}, the database {stamp}");
        }

        return stale;
    }

    private static long? VersionOf(RedisValue field)
    {
        var text = (string?)field;
        var bar = text?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 ? long.Parse(text![..bar], CultureInfo.InvariantCulture) : null;
    }
}
