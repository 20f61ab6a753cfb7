namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>The writes the invalidation map knows about.</summary>
public enum DirectoryWrite
{
    /// <summary>An employee's In/Out status or note changed.</summary>
    SetPresence,

    /// <summary>An employee's profile (names, title, department, email, phone, location) changed.</summary>
    EditProfile,
}
