using System.Net.Mail;
using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Web.Auth;

/// <summary>Email rules for accounts: the same shape the directory accepts for employees.</summary>
internal static class AccountEmail
{
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var trimmed = value.Trim();
        return trimmed.Length <= ProfileUpdate.MaxEmailLength
            && MailAddress.TryCreate(trimmed, out var address)
            && address.Address.Equals(trimmed, StringComparison.OrdinalIgnoreCase)
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !trimmed.Any(char.IsWhiteSpace);
    }

    /// <summary>The form employees' emails are matched in (<see cref="Employee.NormalizedEmail"/>).</summary>
    public static string Normalize(string email) => EmployeeNaming.NormalizeEmail(email);
}
