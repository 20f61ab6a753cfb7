using EmployeeDirectory.Core.Caching;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>The declared key space and invalidation map, read as data.</summary>
public sealed class CacheContractTests
{
    [Fact]
    public void APresenceChangeInvalidatesOnlyStatusKeysAndAProfileEditOnlyProfileKeys()
    {
        var presence = DirectoryCacheContract.InvalidationMap[DirectoryWrite.SetPresence];
        var profile = DirectoryCacheContract.InvalidationMap[DirectoryWrite.EditProfile];

        Assert.All(presence, key => Assert.Equal(CachePolicy.Status, key.Policy));
        Assert.All(profile, key => Assert.Equal(CachePolicy.Profile, key.Policy));
        Assert.Empty(presence.Intersect(profile));
        Assert.Contains(DirectoryCacheContract.EmployeeStatus, presence);
        Assert.Contains(DirectoryCacheContract.EmployeeProfile, profile);
        Assert.Contains(DirectoryCacheContract.Roster, profile);
    }

    [Fact]
    public void EveryKeyFamilyIsInvalidatedBySomeWrite()
    {
        var invalidated = DirectoryCacheContract.InvalidationMap.Values.SelectMany(keys => keys).ToHashSet();

        Assert.All(DirectoryCacheContract.Keys, key => Assert.Contains(key, invalidated));
    }

    [Fact]
    public void KeysResolveWithThePrefixAndParseBack()
    {
        var keys = new CacheKeySpace("ed:");

        Assert.Equal("ed:employee:42:profile", keys.Profile(42).Name);
        Assert.Equal("ed:employee:42:status", keys.Status(42).Name);
        Assert.Equal(["ed:employee:42:status", "ed:directory:presence"], keys.InvalidatedBy(DirectoryWrite.SetPresence, 42));
        Assert.Equal(["ed:employee:42:profile", "ed:directory:roster"], keys.InvalidatedBy(DirectoryWrite.EditProfile, 42));
        Assert.True(keys.TryParse("ed:employee:42:status", out var parsed));
        Assert.Equal(42, parsed.EmployeeId);
        Assert.Equal(DirectoryCacheContract.EmployeeStatus, parsed.Definition);
        Assert.False(keys.TryParse("ed:employee:x:status", out _));
        Assert.False(keys.TryParse("other:employee:1:status", out _));
        Assert.False(keys.TryParse(keys.VersionsKey, out _));
    }

    [Fact]
    public void DefaultLifetimesAreADayForProfilesAndAMinuteForStatus()
    {
        var options = new CacheOptions();

        Assert.Equal(TimeSpan.FromHours(24), options.Policies.Profile.Ttl);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Policies.Status.Ttl);
        Assert.Equal(0.1, options.Policies.Profile.Jitter);
        Assert.True(options.Policies.Status.L1Cap <= options.Policies.Status.Ttl);
        Assert.True(options.Policies.Profile.L1Cap <= TimeSpan.FromMinutes(10));
    }
}
