namespace EmployeeDirectory.Web.Api;

/// <summary>
/// Parses enum values by name only. <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> also accepts
/// numbers, including undefined ones such as "7", which the API must refuse.
/// </summary>
internal static class ApiEnum
{
    public static bool TryParseName<TEnum>(string value, out TEnum result)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }

    public static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());
}
