using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Core.Caching;

/// <summary>Registers the field cache.</summary>
public static class CacheHostingExtensions
{
    public static IHostApplicationBuilder AddDirectoryCache(this IHostApplicationBuilder builder) => builder;
}
