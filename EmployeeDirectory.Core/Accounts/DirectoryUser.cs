using Microsoft.AspNetCore.Identity;

namespace EmployeeDirectory.Core.Accounts;

/// <summary>
/// A sign-in account (ASP.NET Core Identity user) in the directory database. The user name is the
/// email address; an account is linked to the employee whose normalized email equals its own.
/// </summary>
public sealed class DirectoryUser : IdentityUser;
