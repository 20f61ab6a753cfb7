namespace EmployeeDirectory.Web.Auth.Accounts;

/// <summary>What <see cref="AccountProvisioner.EnsureAccountAsync"/> did.</summary>
internal enum AccountChange
{
    /// <summary>The account was created with the password and the role.</summary>
    Created,

    /// <summary>The account existed; it was given the role. Its password is unchanged.</summary>
    RoleGranted,

    /// <summary>The account existed with the role already.</summary>
    Unchanged,

    /// <summary>Nothing was changed; <see cref="AccountResult.Errors"/> says why.</summary>
    Failed,
}
