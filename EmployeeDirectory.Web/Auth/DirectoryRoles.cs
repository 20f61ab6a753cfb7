namespace EmployeeDirectory.Web.Auth;

/// <summary>The two roles of accounts: admins may change anything; employees may set only their own presence.</summary>
public static class DirectoryRoles
{
    public const string Admin = "Admin";

    public const string Employee = "Employee";
}
