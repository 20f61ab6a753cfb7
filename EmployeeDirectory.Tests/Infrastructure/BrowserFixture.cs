using Microsoft.Playwright;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium per test collection, driven by Playwright. It never downloads a browser:
/// ./build.sh test installs the system package.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long an action or an expectation waits; generous, because CI shares two cores.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched yet.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} was not found, and the browser tests need Debian's Chromium. "
                + "Run ./build.sh test (it installs it on Debian) or: apt-get install chromium");
        }

        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>
    /// A page in a fresh context (own cookies and storage) whose relative URLs resolve against <paramref name="baseAddress"/>:
    /// a desktop window in UTC unless <paramref name="viewport"/> (a phone) or <paramref name="timeZone"/> say otherwise.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri? baseAddress = null, ViewportSize? viewport = null, string timeZone = "UTC")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress?.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// When the current test has failed, saves what the page showed to artifacts/screenshots/ (under the
    /// repository root) so a CI failure can be seen, not just read.
    /// </summary>
    public static async Task KeepScreenshotIfFailedAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var test = TestContext.Current;
        if (test.TestState?.Result != TestResult.Failed || page.IsClosed)
        {
            return;
        }

        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var name = string.Concat((test.Test?.TestDisplayName ?? "browser-test").Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EmployeeDirectory.sln")))
            {
                return directory.FullName;
            }
        }

        return Path.GetTempPath();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }
}
