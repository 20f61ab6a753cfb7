namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Who calls: nobody; an employee or an admin signed in with the cookie; API keys with the scopes a device would
/// have; and keys that no longer work (revoked, expired).
/// </summary>
public enum Caller
{
    Anonymous,
    EmployeeCookie,

    /// <summary>directory:read, acting for the employee (the old Employee key).</summary>
    EmployeeKey,
    AdminCookie,

    /// <summary>Every scope (the old Admin key).</summary>
    AdminKey,

    /// <summary>directory:read only: a phone-book sync.</summary>
    ReaderKey,

    /// <summary>presence:write only: a badge reader.</summary>
    BadgeReaderKey,

    /// <summary>profile:write only: an HR feed.</summary>
    ProfileKey,

    /// <summary>admin only: an operator's script.</summary>
    AdminScopeKey,
    RevokedKey,
    ExpiredKey,
}
