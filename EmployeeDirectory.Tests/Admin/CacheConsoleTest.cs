using AngleSharp.Dom;
using Bunit;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Operations;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Caching;
using EmployeeDirectory.Tests.Components;
using EmployeeDirectory.Web.Admin;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Admin;

/// <summary>
/// bUnit base for the cache console: a real field cache (through <see cref="CacheHarness"/>, so against a real
/// redis-server when given one), the real <see cref="ICacheOperator"/>, console actions and sampler.
/// Each test gets its own key prefix, so tests sharing a Redis never see each other's keys.
/// </summary>
public abstract class CacheConsoleTest(string? redisConnectionString) : MudBlazorTest, IAsyncLifetime
{
    private CacheHarness? _harness;

    protected static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    protected CacheHarness Harness => _harness ?? throw new InvalidOperationException("The harness starts in InitializeAsync.");

    protected IFieldCache Cache => Harness.Cache;

    protected IDatabase Redis => Harness.Db;

    protected CountingSource Source { get; } = new();

    /// <summary>Configuration the harness starts with (<c>Cache:RedisTimeout</c>, <c>Cache:Policies:Status:Ttl</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync()
    {
        _harness = await CacheHarness.StartAsync(redisConnectionString, settings: Settings);
        Services.AddSingleton(_harness.Operator);
        Services.AddScoped<CacheConsoleActions>();
        Services.AddSingleton(new CacheStatsSampler(_harness.Operator, TimeProvider.System));
    }

    /// <summary>Reads statuses through the cache, as the app does: each lands in Redis (when configured) and in L1.</summary>
    protected async Task ReadStatusesAsync(params int[] ids)
    {
        foreach (var id in ids)
        {
            Source.Put(id, PresenceStatus.In, $"note {id}");
            await Source.ReadAsync(Cache, id, Token);
        }
    }

    /// <summary>Writes a profile entry straight into Redis (as another server would), so it is in L2 only.</summary>
    protected async Task<string> PutProfileInRedisAsync(int id, TimeSpan ttl)
    {
        var key = Harness.Keys.Profile(id).Name;
        await Redis.StringSetAsync(key, $"{{\"id\":{id},\"displayName\":\"Employee {id}\"}}", ttl);
        return key;
    }

    protected static IReadOnlyList<string> KeysShown(IRenderedComponent<CacheKeyBrowser> browser) =>
        [.. browser.FindAll("tr.key-row").Select(row => row.GetAttribute("data-key")!)];

    protected static IElement Row(IRenderedComponent<CacheKeyBrowser> browser, string key) =>
        browser.Find($"tr.key-row[data-key='{key}']");

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
