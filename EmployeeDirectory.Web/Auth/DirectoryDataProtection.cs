using EmployeeDirectory.Core.Caching;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Data Protection signs and encrypts the sign-in and antiforgery cookies. Every server must use the
/// same keys and application name, or a cookie issued by one is rejected by the next: with Redis
/// configured the keys live there (the cache's own connection), otherwise in the app's data folder.
/// </summary>
internal static class DirectoryDataProtection
{
    public const string ApplicationName = "EmployeeDirectory";

    /// <summary>Outside the cache prefix, so no cache listing or policy clear ever touches it.</summary>
    public const string RedisKey = "EmployeeDirectory:DataProtection-Keys";

    public static void AddDirectoryDataProtection(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(CacheHostingExtensions.RedisConnectionStringName)))
        {
            builder.Services.AddOptions<KeyManagementOptions>()
                .Configure<IServiceProvider>((options, services) =>
                    options.XmlRepository = new RedisXmlRepository(
                        () => services.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), RedisKey));
            return;
        }

        dataProtection.PersistKeysToFileSystem(new DirectoryInfo(KeysFolder(builder)));
    }

    private static string KeysFolder(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{AuthOptions.SectionName}:{nameof(AuthOptions.DataProtectionKeysFolder)}"];
        var contentRoot = builder.Environment.ContentRootPath;
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(contentRoot, "data", "keys")
            : Path.GetFullPath(configured, contentRoot);
    }
}
