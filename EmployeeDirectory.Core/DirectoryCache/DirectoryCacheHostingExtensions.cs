using EmployeeDirectory.Core.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>Registers the field cache with the directory's contract, its outbox and its generation, both kept in the directory database.</summary>
public static class DirectoryCacheHostingExtensions
{
    /// <summary>The field cache for <see cref="DirectoryCacheContract"/>, configured from <c>Cache</c> and <c>ConnectionStrings:Redis</c>.</summary>
    public static IHostApplicationBuilder AddDirectoryCache(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DirectoryOutbox>();
        builder.Services.AddSingleton<IInvalidationOutbox>(provider => provider.GetRequiredService<DirectoryOutbox>());
        builder.Services.AddSingleton<ICacheGenerations, DirectoryGenerations>();
        builder.Services.AddFieldCache(builder.Configuration, DirectoryCacheContract.Contract);
        return builder;
    }
}
