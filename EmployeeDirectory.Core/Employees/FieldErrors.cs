namespace EmployeeDirectory.Core.Employees;

/// <summary>Collects validation messages per field (camelCase names, as the API and forms use them).</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public void Required(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{label} is required.");
        }
    }

    public void MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max)
        {
            Add(field, $"{label} must be at most {max} characters.");
        }
    }

    /// <summary>Refuses control, bidi and zero-width characters (<see cref="InvisibleCharacters"/>).</summary>
    public void NoInvisibleCharacters(string field, string? value, string label)
    {
        if (InvisibleCharacters.Describe(value, label) is { } message)
        {
            Add(field, message);
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
