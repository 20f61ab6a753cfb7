namespace EmployeeDirectory.Web.Auth;

/// <summary>What a caller may do, whoever they are; <see cref="DirectoryCapabilities.Has"/> says who has which.</summary>
public enum DirectoryCapability
{
    /// <summary>Search and read the directory.</summary>
    ReadDirectory,

    /// <summary>Set anyone's presence (everyone may set their own).</summary>
    SetAnyPresence,

    /// <summary>Edit any profile.</summary>
    EditProfiles,

    /// <summary>The admin console and the admin API (not key management).</summary>
    Administer,

    /// <summary>Create, list and revoke API keys: a signed-in admin only, never a key.</summary>
    ManageApiKeys,
}
