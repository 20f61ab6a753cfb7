namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>Finds the system programs the tests drive (nginx, python3, docker-compose).</summary>
public static class Executables
{
    private static readonly string[] SystemFolders = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>The program's full path; fails with how to install it when it is missing.</summary>
    public static string Find(string name, string debianPackage) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            $"{name} is not installed, and these tests need the real one. Run ./build.sh test (it installs it on Debian) or: apt-get install {debianPackage}");
}
