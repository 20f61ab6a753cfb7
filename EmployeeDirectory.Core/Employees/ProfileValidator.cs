using System.Net.Mail;

namespace EmployeeDirectory.Core.Employees;

/// <summary>The rules a profile edit must meet before anything is saved.</summary>
internal static class ProfileValidator
{
    public static FieldErrors Validate(ProfileUpdate update)
    {
        var errors = new FieldErrors();
        errors.Required("givenName", update.GivenName, "Given name");
        errors.MaxLength("givenName", update.GivenName, ProfileUpdate.MaxNameLength, "Given name");
        errors.Required("familyName", update.FamilyName, "Family name");
        errors.MaxLength("familyName", update.FamilyName, ProfileUpdate.MaxNameLength, "Family name");
        errors.MaxLength("displayName", update.DisplayName, (ProfileUpdate.MaxNameLength * 2) + 1, "Display name");
        errors.Required("title", update.Title, "Title");
        errors.MaxLength("title", update.Title, ProfileUpdate.MaxTitleLength, "Title");
        errors.Required("department", update.Department, "Department");
        errors.Required("email", update.Email, "Email");
        errors.MaxLength("email", update.Email, ProfileUpdate.MaxEmailLength, "Email");
        if (!string.IsNullOrWhiteSpace(update.Email) && !IsEmail(update.Email.Trim()))
        {
            errors.Add("email", "Email must be a valid address, like name@example.com.");
        }

        errors.MaxLength("phone", update.Phone, ProfileUpdate.MaxPhoneLength, "Phone");
        if (!string.IsNullOrWhiteSpace(update.Phone) && update.Phone.Trim().Any(c => !(char.IsDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.' or 'x')))
        {
            errors.Add("phone", "Phone may contain only digits, spaces and + - ( ) . x.");
        }

        errors.MaxLength("location", update.Location, ProfileUpdate.MaxLocationLength, "Location");
        if (update.ConcurrencyStamp == Guid.Empty)
        {
            errors.Add("concurrencyStamp", "The concurrency stamp of the version being edited is required.");
        }

        return errors;
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address.Equals(value, StringComparison.OrdinalIgnoreCase)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !value.Any(char.IsWhiteSpace);
}
