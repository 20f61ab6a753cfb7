using System.Net.Mail;

namespace EmployeeDirectory.Core.Employees;

/// <summary>The rules a profile edit must meet before anything is saved.</summary>
internal static class ProfileValidator
{
    public static FieldErrors Validate(ProfileUpdate update)
    {
        var errors = new FieldErrors();
        Text(errors, "givenName", update.GivenName, "Given name", ProfileUpdate.MaxNameLength, required: true);
        Text(errors, "familyName", update.FamilyName, "Family name", ProfileUpdate.MaxNameLength, required: true);
        Text(errors, "displayName", update.DisplayName, "Display name", (ProfileUpdate.MaxNameLength * 2) + 1, required: false);
        Text(errors, "title", update.Title, "Title", ProfileUpdate.MaxTitleLength, required: true);
        errors.Required("department", update.Department, "Department");
        errors.NoInvisibleCharacters("department", update.Department, "Department");
        Text(errors, "email", update.Email, "Email", ProfileUpdate.MaxEmailLength, required: true);
        if (!errors.Has("email") && !IsEmail(update.Email!.Trim()))
        {
            errors.Add("email", "Email must be a valid address, like name@example.com.");
        }

        Text(errors, "phone", update.Phone, "Phone", ProfileUpdate.MaxPhoneLength, required: false);
        if (!errors.Has("phone") && !string.IsNullOrWhiteSpace(update.Phone)
            && update.Phone.Trim().Any(c => !(char.IsDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.' or 'x')))
        {
            errors.Add("phone", "Phone may contain only digits, spaces and + - ( ) . x.");
        }

        Text(errors, "location", update.Location, "Location", ProfileUpdate.MaxLocationLength, required: false);
        if (update.ConcurrencyStamp == Guid.Empty)
        {
            errors.Add("concurrencyStamp", "The concurrency stamp of the version being edited is required.");
        }

        return errors;
    }

    private static void Text(FieldErrors errors, string field, string? value, string label, int maxLength, bool required)
    {
        if (required)
        {
            errors.Required(field, value, label);
        }

        errors.MaxLength(field, value, maxLength, label);
        errors.NoInvisibleCharacters(field, value, label);
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address.Equals(value, StringComparison.OrdinalIgnoreCase)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !value.Any(char.IsWhiteSpace);
}
