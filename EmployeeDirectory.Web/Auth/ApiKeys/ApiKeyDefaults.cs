namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>The API key authentication scheme and its header.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    public const string HeaderName = "X-Api-Key";
}
