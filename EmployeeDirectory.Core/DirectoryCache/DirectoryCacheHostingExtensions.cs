using EmployeeDirectory.Core.Caching;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>Registers the field cache with the directory's contract.</summary>
public static class DirectoryCacheHostingExtensions
{
    /// <summary>The field cache for <see cref="DirectoryCacheContract"/>, configured from <c>Cache</c> and <c>ConnectionStrings:Redis</c>.</summary>
    public static IHostApplicationBuilder AddDirectoryCache(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddFieldCache(builder.Configuration, DirectoryCacheContract.Contract);
        return builder;
    }
}
