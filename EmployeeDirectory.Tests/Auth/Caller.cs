namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Who calls: nobody, an employee or an admin signed in with the cookie or sending an API key, or a
/// client still sending an admin key that has been revoked.
/// </summary>
public enum Caller
{
    Anonymous,
    EmployeeCookie,
    EmployeeKey,
    AdminCookie,
    AdminKey,
    RevokedKey,
}
