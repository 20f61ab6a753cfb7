namespace EmployeeDirectory.Core.Employees;

/// <summary>The directory is being seeded: its roster is not complete yet, so nothing is read from it (or cached).</summary>
public sealed class DirectoryNotReadyException : Exception
{
    /// <summary>The directory is being seeded.</summary>
    public DirectoryNotReadyException()
        : base("The directory is being set up; try again in a moment.")
    {
    }

    /// <summary>The directory is not ready, for the reason given.</summary>
    public DirectoryNotReadyException(string message)
        : base(message)
    {
    }

    /// <summary>The directory is not ready, for the reason given.</summary>
    public DirectoryNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
