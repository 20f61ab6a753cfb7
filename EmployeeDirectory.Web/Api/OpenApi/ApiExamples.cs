namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>Example ids the OpenAPI document shows, one per kind of thing, so every operation's examples agree.</summary>
public static class ApiExamples
{
    public const int EmployeeId = 42;

    public const int ApiKeyId = 7;
}
