namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>Where things are in the repository the tests were built from.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding EmployeeDirectory.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration these tests were built in, which built the web app too.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The web app's build output (its content root when run as a process).</summary>
    public static string WebAppFolder => Path.Combine(Root, "EmployeeDirectory.Web", "bin", Configuration, "net10.0");

    /// <summary>A path under the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EmployeeDirectory.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No EmployeeDirectory.sln above {AppContext.BaseDirectory}: the tests must run from the repository's build output.");
    }
}
