namespace EmployeeDirectory.Web.Auth;

/// <summary>Where the sign-in pages live (the cookie redirects here) and the query parameter they read.</summary>
public static class AccountPaths
{
    public const string Login = "/account/login";

    public const string Logout = "/account/logout";

    public const string AccessDenied = "/account/access-denied";

    /// <summary>The cookie handler's default name for the page to return to after signing in.</summary>
    public const string ReturnUrlParameter = "ReturnUrl";
}
