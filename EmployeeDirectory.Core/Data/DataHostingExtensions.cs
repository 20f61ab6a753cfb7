using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Core.Data;

/// <summary>Registers the directory database (owned by the data-layer work).</summary>
public static class DataHostingExtensions
{
    public static IHostApplicationBuilder AddDirectoryData(this IHostApplicationBuilder builder) => builder;
}
