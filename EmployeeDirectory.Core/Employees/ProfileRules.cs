using System.Net.Mail;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The rules a profile edit must meet, field by field, with the messages people see. The directory service
/// checks every field before anything is saved; the edit form checks each field as it is typed with
/// <see cref="Check"/>, so the API and the form say the same thing.
/// </summary>
public static class ProfileRules
{
    /// <summary>Longest display name: given and family name with a space between.</summary>
    public const int MaxDisplayNameLength = (ProfileUpdate.MaxNameLength * 2) + 1;

    private static readonly Dictionary<string, FieldRule> Rules = new(StringComparer.Ordinal)
    {
        [ProfileFields.GivenName] = new("Given name", Required: true, ProfileUpdate.MaxNameLength),
        [ProfileFields.FamilyName] = new("Family name", Required: true, ProfileUpdate.MaxNameLength),
        [ProfileFields.DisplayName] = new("Display name", Required: false, MaxDisplayNameLength),
        [ProfileFields.Title] = new("Title", Required: true, ProfileUpdate.MaxTitleLength),
        [ProfileFields.Department] = new("Department", Required: true, MaxLength: null),
        [ProfileFields.Email] = new("Email", Required: true, ProfileUpdate.MaxEmailLength, EmailProblem),
        [ProfileFields.Phone] = new("Phone", Required: false, ProfileUpdate.MaxPhoneLength, PhoneProblem),
        [ProfileFields.Location] = new("Location", Required: false, ProfileUpdate.MaxLocationLength),
    };

    /// <summary>True when <paramref name="field"/> must not be empty.</summary>
    public static bool IsRequired(string field) => RuleOf(field).Required;

    /// <summary>The most characters <paramref name="field"/> takes; null when the field has no length rule of its own.</summary>
    public static int? MaxLengthOf(string field) => RuleOf(field).MaxLength;

    /// <summary>What an empty <paramref name="field"/> is told.</summary>
    public static string RequiredMessage(string field) => $"{RuleOf(field).Label} is required.";

    /// <summary>Every message <paramref name="value"/> earns in <paramref name="field"/>; empty when it is fine.</summary>
    public static IReadOnlyList<string> Check(string field, string? value)
    {
        var rule = RuleOf(field);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(value))
        {
            if (rule.Required)
            {
                problems.Add(RequiredMessage(field));
            }

            return problems;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > rule.MaxLength)
        {
            problems.Add($"{rule.Label} must be at most {rule.MaxLength} characters.");
        }

        if (InvisibleCharacters.Describe(value, rule.Label) is { } invisible)
        {
            problems.Add(invisible);
        }
        else if (rule.Format?.Invoke(trimmed) is { } problem)
        {
            problems.Add(problem);
        }

        return problems;
    }

    /// <summary>Every rule <paramref name="update"/> breaks, per field.</summary>
    internal static FieldErrors Validate(ProfileUpdate update)
    {
        var errors = new FieldErrors();
        foreach (var (field, value) in Values(update))
        {
            foreach (var message in Check(field, value))
            {
                errors.Add(field, message);
            }
        }

        if (update.ConcurrencyStamp == Guid.Empty)
        {
            errors.Add("concurrencyStamp", "The concurrency stamp of the version being edited is required.");
        }

        return errors;
    }

    private static IEnumerable<(string Field, string? Value)> Values(ProfileUpdate update) =>
    [
        (ProfileFields.GivenName, update.GivenName),
        (ProfileFields.FamilyName, update.FamilyName),
        (ProfileFields.DisplayName, update.DisplayName),
        (ProfileFields.Title, update.Title),
        (ProfileFields.Department, update.Department),
        (ProfileFields.Email, update.Email),
        (ProfileFields.Phone, update.Phone),
        (ProfileFields.Location, update.Location),
    ];

    private static FieldRule RuleOf(string field) =>
        Rules.TryGetValue(field, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(field), field, "Not a profile field.");

    private static string? EmailProblem(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address.Equals(value, StringComparison.OrdinalIgnoreCase)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !value.Any(char.IsWhiteSpace)
            ? null
            : "Email must be a valid address, like name@example.com.";

    private static string? PhoneProblem(string value) =>
        value.All(c => char.IsDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.' or 'x')
            ? null
            : "Phone may contain only digits, spaces and + - ( ) . x.";

    private sealed record FieldRule(string Label, bool Required, int? MaxLength, Func<string, string?>? Format = null);
}
