namespace EmployeeDirectory.Web.Observability;

/// <summary>
/// Where the management endpoints (<c>/metrics</c>, <c>/health/live</c>, <c>/health/ready</c>) answer, bound from
/// the <c>Management</c> section and checked at start-up. The app enforces this itself, whatever proxy is in front.
/// </summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    /// <summary>Allowed when <see cref="AllowedNetworks"/> is not set: loopback and the private ranges, never the internet.</summary>
    public static readonly IReadOnlyList<string> DefaultNetworks =
        ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

    /// <summary>
    /// Addresses of a separate management listener, e.g. <c>http://0.0.0.0:9090</c> (several separated by <c>;</c>).
    /// When set, the management endpoints answer there and only there (404 on the app's own addresses), and that
    /// listener serves nothing else. Not set: they answer on the app's addresses. Each needs an explicit port.
    /// </summary>
    public string? Urls { get; set; }

    /// <summary>
    /// Networks (CIDR) whose clients may call the management endpoints; anyone else gets 403. A client behind a
    /// trusted proxy (<c>ForwardedHeaders</c>) is judged by its own address. Setting it replaces the default.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>The networks in force: <see cref="AllowedNetworks"/>, or the default when it is empty.</summary>
    public IEnumerable<string> EffectiveNetworks => AllowedNetworks.Count == 0 ? DefaultNetworks : AllowedNetworks;

    /// <summary>The separate listener's addresses, one per entry of <see cref="Urls"/>.</summary>
    public IReadOnlyList<string> UrlList =>
        string.IsNullOrWhiteSpace(Urls) ? [] : Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
