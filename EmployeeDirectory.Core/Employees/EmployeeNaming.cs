namespace EmployeeDirectory.Core.Employees;

/// <summary>The naming rules shared by the seeder and the profile editor.</summary>
public static class EmployeeNaming
{
    /// <summary>The default display name: "Given Family".</summary>
    public static string DisplayNameOf(string givenName, string familyName)
    {
        ArgumentNullException.ThrowIfNull(givenName);
        ArgumentNullException.ThrowIfNull(familyName);
        return $"{givenName.Trim()} {familyName.Trim()}".Trim();
    }

    /// <summary>The value stored in <see cref="Employee.NormalizedEmail"/>: trimmed, upper-invariant.</summary>
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }
}
