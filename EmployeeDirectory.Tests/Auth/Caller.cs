namespace EmployeeDirectory.Tests.Auth;

/// <summary>Who calls: nobody, or an employee or an admin, signed in with the cookie or sending an API key.</summary>
public enum Caller
{
    Anonymous,
    EmployeeCookie,
    EmployeeKey,
    AdminCookie,
    AdminKey,
}
