namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// The first admin, bound from the <c>Admin</c> section (environment variables <c>Admin__Email</c> and
/// <c>Admin__Password</c>). When <see cref="Email"/> names no account yet, one is created at start-up
/// with <see cref="Password"/> and the Admin role; an existing account is given the Admin role and its
/// password is left alone. Nothing has a default: without these settings no admin is created.
/// </summary>
public sealed class AdminAccountOptions
{
    public const string SectionName = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
