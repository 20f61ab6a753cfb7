using EmployeeDirectory.Core.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>The directory's cache contract read as data, and how configuration may (and may not) change it.</summary>
public sealed class CacheContractTests
{
    [Fact]
    public void APresenceChangeInvalidatesOnlyStatusKeysAndAProfileEditOnlyProfileKeys()
    {
        var presence = DirectoryCacheContract.Invalidations[DirectoryWrite.SetPresence];
        var profile = DirectoryCacheContract.Invalidations[DirectoryWrite.EditProfile];

        Assert.All(presence.Families, family => Assert.Equal(DirectoryCacheContract.Status, family.Policy));
        Assert.All(profile.Families, family => Assert.Equal(DirectoryCacheContract.Profile, family.Policy));
        Assert.Empty(presence.Families.Intersect(profile.Families));
        Assert.Equal([DirectoryCacheContract.EmployeeStatus, DirectoryCacheContract.RollCall], presence.Drops);
        Assert.Equal([DirectoryCacheContract.Presence], presence.Patches);
        Assert.Equal([DirectoryCacheContract.EmployeeProfile], profile.Drops);
        Assert.Equal([DirectoryCacheContract.Roster], profile.Patches);
    }

    [Fact]
    public void TheRollCallIsAStatusKeyThatOnlyPresenceChangesTouchAndThatEndsAtItsNextBackAtTime()
    {
        var endsAt = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var rollCall = new Core.RollCall.RollCallSummary(2, 1, 1, [], [], endsAt.AddHours(-1), endsAt);

        Assert.Equal(DirectoryCacheContract.Status, DirectoryCacheContract.RollCall.Policy);
        Assert.False(DirectoryCacheContract.RollCall.HasId);
        Assert.Contains(DirectoryCacheContract.RollCall, DirectoryCacheContract.Contract.FamiliesOf(DirectoryCacheContract.Status));
        Assert.DoesNotContain(DirectoryCacheContract.RollCall, DirectoryCacheContract.Invalidations[DirectoryWrite.EditProfile].Families);
        Assert.Equal(endsAt, DirectoryCacheContract.RollCall.EndsAt!(rollCall));
        Assert.Null(DirectoryCacheContract.RollCall.EndsAt!(rollCall with { EndsAt = null }));
    }

    [Fact]
    public void AStatusEntryEndsAtItsBackAtTime()
    {
        var until = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

        Assert.Equal(until, DirectoryCacheContract.EmployeeStatus.EndsAt!(new Core.Presence.EmployeeStatus(1, Core.Presence.PresenceStatus.Out, null, null, null, 3, until)));
        Assert.Null(DirectoryCacheContract.EmployeeStatus.EndsAt!(new Core.Presence.EmployeeStatus(1, Core.Presence.PresenceStatus.Out, null, null, null, 3)));
    }

    [Fact]
    public void EveryKeyFamilyIsInvalidatedBySomeWrite()
    {
        var invalidated = DirectoryCacheContract.Invalidations.Values.SelectMany(write => write.Families).ToHashSet();

        Assert.All(DirectoryCacheContract.Contract.Families, family => Assert.Contains(family, invalidated));
    }

    [Fact]
    public void KeysResolveWithThePrefixAndParseBack()
    {
        var keys = new CacheKeySpace(DirectoryCacheContract.Contract, "ed:");

        Assert.Equal("ed:employee:42:profile", keys.Profile(42).Name);
        Assert.Equal("ed:employee:42:status", keys.Status(42).Name);
        Assert.Equal("ed:directory:roster", keys.Roster);
        Assert.Equal("ed:g7:employee:42:status", keys.InGeneration(7).Status(42).Name);
        Assert.Equal("ed:invalidation:v3", keys.InGeneration(7).InvalidationChannel);
        Assert.True(keys.TryParse("ed:employee:42:status", out var parsed));
        Assert.Equal(42, parsed.Id);
        Assert.Equal(DirectoryCacheContract.EmployeeStatus, parsed.Family);
        Assert.True(keys.TryParse("ed:directory:presence", out var aggregate));
        Assert.Null(aggregate.Id);
        Assert.False(keys.TryParse("ed:employee:x:status", out _));
        Assert.False(keys.TryParse("other:employee:1:status", out _));
        Assert.False(keys.TryParse(keys.VersionsKey, out _));
        Assert.Equal("ed:directory:roll-call", keys.RollCall.Name);
        Assert.Equal(["ed:employee:*:status", "ed:directory:presence", "ed:directory:roll-call"], keys.ScanPatterns(DirectoryCacheContract.Status));
    }

    [Fact]
    public void WithoutConfigurationEachPolicyLivesByTheLifetimesTheContractDeclares()
    {
        var policies = Resolve([]);

        Assert.Equal(new CachePolicySettings(TimeSpan.FromHours(24), 0.1, TimeSpan.FromMinutes(5)), policies[DirectoryCacheContract.Profile]);
        Assert.Equal(new CachePolicySettings(TimeSpan.FromSeconds(60), 0.1, TimeSpan.FromSeconds(10)), policies[DirectoryCacheContract.Status]);
    }

    [Fact]
    public void ConfigurationOverridesOnlyTheSettingsItNames()
    {
        var policies = Resolve(new() { ["Cache:Policies:Status:Ttl"] = "00:02:00", ["Cache:Policies:profile:L1Cap"] = "00:01:00" });

        Assert.Equal(new CachePolicySettings(TimeSpan.FromMinutes(2), 0.1, TimeSpan.FromSeconds(10)), policies[DirectoryCacheContract.Status]);
        Assert.Equal(new CachePolicySettings(TimeSpan.FromHours(24), 0.1, TimeSpan.FromMinutes(1)), policies[DirectoryCacheContract.Profile]);
    }

    [Theory]
    [InlineData("Cache:Policies:Stauts:Ttl", "00:01:00", "Cache:Policies:Stauts is not a cache policy")]
    [InlineData("Cache:Policies:Status:L1Cap", "00:05:00", "Cache:Policies:Status:L1Cap (00:05:00) must not exceed Cache:Policies:Status:Ttl (00:01:00)")]
    [InlineData("Cache:Policies:Profile:Jitter", "0.9", "Cache:Policies:Profile:Jitter (0.9) must be between 0 and 0.5")]
    [InlineData("Cache:Policies:Status:Ttl", "00:00:00.5", "Cache:Policies:Status:Ttl (00:00:00.5000000) must be between")]
    [InlineData("Cache:Policies:Status:L1Cap", "00:00:00.2", "Cache:Policies:Status:L1Cap (00:00:00.2000000) must be at least 00:00:00.5000000")]
    public void ABadPolicySettingStopsStartUpWithAMessageNamingIt(string setting, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [setting] = value }));

        Assert.Contains(failure.Failures, text => text.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void APolicyOrFamilyBelongsToOneContract()
    {
        var policy = new CachePolicy("Other", new CachePolicySettings(TimeSpan.FromMinutes(1), 0, TimeSpan.FromSeconds(1)), "A test policy.");

        Assert.Throws<ArgumentException>(() => new CacheContract([policy], [DirectoryCacheContract.Roster]));
        Assert.Throws<InvalidOperationException>(() => new CacheContract([DirectoryCacheContract.Status, DirectoryCacheContract.Profile], []));
    }

    private static CachePolicies Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddFieldCache(configuration, DirectoryCacheContract.Contract).BuildServiceProvider();
        return services.GetRequiredService<CachePolicies>();
    }
}
