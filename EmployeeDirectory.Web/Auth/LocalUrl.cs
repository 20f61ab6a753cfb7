namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Return URLs after sign-in must stay on this site: an absolute or protocol-relative URL ("//evil",
/// "/\evil") would turn the login page into an open redirect.
/// </summary>
internal static class LocalUrl
{
    public const string Home = "/";

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string OrHome(string? url) => IsLocal(url) ? url! : Home;
}
