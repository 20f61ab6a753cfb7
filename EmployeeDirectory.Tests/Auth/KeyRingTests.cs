using System.Net;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// The Data Protection key ring (which signs the sign-in cookies) lives in the database, encrypted with the
/// certificate from <c>DataProtection:CertificatePath</c>: a copy of the database alone is then no way to forge a
/// sign-in. Outside Development the app refuses to start without a certificate unless
/// <c>DataProtection:AllowUnencrypted=true</c> says so, and then warns.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly TestCertificate _certificate = new();

    [Fact]
    public async Task WithACertificateTheKeysAreEncryptedAtRestAndEveryServerWithItReadsTheCookie()
    {
        await using var first = DirectoryAppFactory.Create(settings: _certificate.PfxSettings());
        var cookie = await SignInAsAdminAsync(first);

        var settings = _certificate.PfxSettings();
        foreach (var (key, value) in SameDatabaseAs(first))
        {
            settings[key] = value;
        }

        await using var second = DirectoryAppFactory.Create(settings: settings);

        Assert.Equal(HttpStatusCode.OK, await AdminApiAsync(second, cookie));
        var keyRing = await KeyRingAsync(first);
        Assert.NotEmpty(keyRing);
        Assert.All(keyRing, xml =>
        {
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AServerWithoutTheCertificateCannotUseTheStoredKeys()
    {
        await using var first = DirectoryAppFactory.Create(settings: _certificate.PfxSettings());
        var cookie = await SignInAsAdminAsync(first);

        await using var withoutCertificate = DirectoryAppFactory.Create(settings: SameDatabaseAs(first));

        Assert.Equal(HttpStatusCode.Unauthorized, await AdminApiAsync(withoutCertificate, cookie));
    }

    [Fact]
    public async Task APemCertificateWithItsKeyEncryptsTheKeysToo()
    {
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = _certificate.PemPath,
            ["DataProtection:CertificateKeyPath"] = _certificate.PemKeyPath,
        });

        var cookie = await SignInAsAdminAsync(app);

        Assert.Equal(HttpStatusCode.OK, await AdminApiAsync(app, cookie));
        Assert.All(await KeyRingAsync(app), xml => Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProductionWithoutACertificateRefusesToStartNamingTheSettingAndTheWayOut()
    {
        await using var production = DirectoryAppFactory.Create(environment: Environments.Production, settings: NoCertificate());

        var failure = Assert.ThrowsAny<Exception>(() => production.Services);

        var message = failure.ToString();
        Assert.Contains("DataProtection:CertificatePath is not set (Production)", message, StringComparison.Ordinal);
        Assert.Contains("scripts/make-key-ring-cert.sh", message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:AllowUnencrypted=true", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAllowUnencryptedProductionStartsWithUnencryptedKeysAndWarnsWhileDevelopmentNeedsNeither()
    {
        await using var production = DirectoryAppFactory.Create(
            environment: Environments.Production,
            settings: new Dictionary<string, string?> { ["DataProtection:AllowUnencrypted"] = "true" });
        await using var development = DirectoryAppFactory.Create();
        _ = production.Services;
        _ = development.Services;

        var warning = Assert.Single(production.Logs.WithEventId(3300));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("DataProtection:CertificatePath", warning.Message, StringComparison.Ordinal);
        Assert.Empty(development.Logs.WithEventId(3300));
    }

    [Fact]
    public async Task InProductionWithACertificateStartUpNamesItAndDoesNotWarn()
    {
        await using var production = DirectoryAppFactory.Create(environment: Environments.Production, settings: _certificate.PfxSettings());
        _ = production.Services;

        Assert.Empty(production.Logs.WithEventId(3300));
        Assert.Contains(_certificate.Thumbprint, Assert.Single(production.Logs.WithEventId(3301)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScriptMakesACertificateProductionAcceptsAndEncryptsTheKeysWith()
    {
        var folder = Directory.CreateTempSubdirectory("employee-directory-key-ring-").FullName;
        try
        {
            var file = Path.Combine(folder, "key-ring.pfx");
            var made = await CommandLine.RunAsync(
                RepositoryLayout.Combine("scripts", "make-key-ring-cert.sh"),
                [file],
                new Dictionary<string, string?> { ["KEY_RING_PASSWORD"] = "a long key ring passphrase" },
                cancellationToken: TestContext.Current.CancellationToken);
            made.EnsureSuccess();

            await using var production = DirectoryAppFactory.Create(environment: Environments.Production, settings: new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = file,
                ["DataProtection:CertificatePassword"] = "a long key ring passphrase",
            });
            _ = production.Services;
            var protector = production.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            Assert.Equal("sign-in", protector.Unprotect(protector.Protect("sign-in")));

            Assert.Single(production.Logs.WithEventId(3301));
            var keyRing = await KeyRingAsync(production);
            Assert.NotEmpty(keyRing);
            Assert.All(keyRing, xml => Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal));
            var again = await CommandLine.RunAsync(
                RepositoryLayout.Combine("scripts", "make-key-ring-cert.sh"),
                [file],
                new Dictionary<string, string?> { ["KEY_RING_PASSWORD"] = "another passphrase" },
                cancellationToken: TestContext.Current.CancellationToken);
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("left as it is", again.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("missing-file", "there is no such file")]
    [InlineData("wrong-password", "could not be loaded")]
    [InlineData("password-only", "DataProtection:CertificatePath is not")]
    public async Task ACertificateThatCannotBeUsedStopsTheStartSayingWhy(string problem, string message)
    {
        var settings = problem switch
        {
            "missing-file" => new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = _certificate.PfxPath + ".gone" },
            "wrong-password" => new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = _certificate.PfxPath, ["DataProtection:CertificatePassword"] = "not it" },
            _ => new Dictionary<string, string?> { ["DataProtection:CertificatePassword"] = TestCertificate.Password },
        };
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production, settings: settings);

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _certificate.Dispose();

    private static async Task<Cookie> SignInAsAdminAsync(DirectoryAppFactory app)
    {
        var cookies = new CookieContainer();
        using var client = app.CreateCookieClient(cookies);
        (await LoginForm.SubmitAsync(client, DirectoryAppFactory.DemoAdminEmail, app.DemoPassword)).Dispose();
        return Assert.Single(cookies.GetAllCookies(), c => c.Name == AuthHostingExtensions.CookieName);
    }

    private static async Task<HttpStatusCode> AdminApiAsync(DirectoryAppFactory app, Cookie cookie)
    {
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var response = await client.GetAsync(new Uri("/api/admin/api-keys", UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static Task<List<string>> KeyRingAsync(DirectoryAppFactory app) =>
        app.QueryDatabaseAsync(db => db.DataProtectionKeys.Select(key => key.Xml!).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>Names a DataProtection key without a value, so the test host gives the app no certificate of its own.</summary>
    private static Dictionary<string, string?> NoCertificate() => new() { ["DataProtection:CertificatePath"] = null };

    private static Dictionary<string, string?> SameDatabaseAs(DirectoryAppFactory app) => new()
    {
        [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = app.DatabaseConnectionString,
        [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = "0",
    };
}
