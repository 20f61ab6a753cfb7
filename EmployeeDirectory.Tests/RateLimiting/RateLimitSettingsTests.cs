using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Tests.RateLimiting;

/// <summary>The limits' settings: the same defaults in every environment, and nonsense stops the start.</summary>
public sealed class RateLimitSettingsTests
{
    /// <summary>Unsets the test host's "limits off", so the app's own defaults show.</summary>
    private static readonly Dictionary<string, string?> AppDefaults = new()
    {
        ["RateLimits:Api:PerSecond"] = null,
        ["RateLimits:SignIn:PerMinute"] = null,
    };

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task TheDefaultsHoldInEveryEnvironment(string environment)
    {
        await using var app = DirectoryAppFactory.Create(environment: environment, settings: AppDefaults);

        var limits = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;

        Assert.Equal((10, 20, 40), (limits.SignIn.PerMinute, limits.Api.PerSecond, limits.Api.Burst));
    }

    [Theory]
    [InlineData("RateLimits:SignIn:PerMinute", "-1", "RateLimits:SignIn:PerMinute must be between 0 (off) and 10000")]
    [InlineData("RateLimits:Api:PerSecond", "-5", "RateLimits:Api:PerSecond must be between 0 (off) and 100000")]
    [InlineData("RateLimits:Api:Burst", "5", "RateLimits:Api:Burst must be at least RateLimits:Api:PerSecond (20)")]
    public async Task ALimitThatMakesNoSenseStopsTheStartNamingTheSetting(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>(AppDefaults) { [key] = value };
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production, settings: settings);

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheLoadScriptTurnsTheApiLimitOffForTheAppItStarts()
    {
        // scripts/load.sh measures the app, not the limiter: it must say so explicitly, as the defaults hold everywhere.
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "scripts", "load.sh"));

        Assert.Contains("RateLimits__Api__PerSecond=0", script, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EmployeeDirectory.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root was not found above the test output folder.");
    }
}
