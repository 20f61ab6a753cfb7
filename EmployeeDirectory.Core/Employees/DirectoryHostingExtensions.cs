using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Core.Employees;

/// <summary>Registers the directory and presence services.</summary>
public static class DirectoryHostingExtensions
{
    public static IHostApplicationBuilder AddDirectoryServices(this IHostApplicationBuilder builder) => builder;
}
