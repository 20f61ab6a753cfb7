using AngleSharp.Dom;
using Bunit;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Caching;
using EmployeeDirectory.Tests.Components;
using EmployeeDirectory.Web.Admin;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Admin;

/// <summary>
/// bUnit base for the cache console: a real <see cref="FieldCache"/> (through <see cref="CacheHarness"/>, so
/// against a real redis-server when given one), the real <see cref="CacheInspector"/> and sampler.
/// Each test gets its own key prefix, so tests sharing a Redis never see each other's keys.
/// </summary>
public abstract class CacheConsoleTest(string? redisConnectionString) : MudBlazorTest, IAsyncLifetime
{
    private CacheHarness? _harness;

    protected static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    protected CacheHarness Harness => _harness ?? throw new InvalidOperationException("The harness starts in InitializeAsync.");

    protected FieldCache Cache => Harness.Cache;

    protected IDatabase Redis => Harness.Db;

    protected CountingSource Source { get; } = new();

    /// <summary>Override to change the cache options before the harness starts.</summary>
    protected virtual void Configure(CacheOptions options)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        _harness = await CacheHarness.StartAsync(redisConnectionString, configure: Configure);
        Services.AddSingleton(_harness.Cache);
        Services.AddSingleton(new CacheInspector(_harness.Cache));
        Services.AddSingleton(new CacheStatsSampler(_harness.Cache, TimeProvider.System));
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
