namespace EmployeeDirectory.Web.Admin;

/// <summary>Which tier the key browser lists.</summary>
public enum KeyBrowserView
{
    /// <summary>Redis (L2), listed with SCAN.</summary>
    Redis,

    /// <summary>This server's memory (L1).</summary>
    Local,
}
