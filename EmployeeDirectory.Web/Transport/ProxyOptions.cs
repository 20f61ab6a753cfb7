namespace EmployeeDirectory.Web.Transport;

/// <summary>
/// Which reverse proxies may tell the app the client's address and scheme (<c>X-Forwarded-For</c>,
/// <c>X-Forwarded-Proto</c>), bound from the <c>ForwardedHeaders</c> section and checked at start-up.
/// Those headers are honoured only on requests whose connection comes from a listed proxy or network;
/// from anyone else they are ignored, so a client cannot pose as another address (to dodge the rate
/// limits) or claim HTTPS. Setting either list replaces the default.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Trusted when neither list is set: loopback, so an nginx on the same host works as it is.</summary>
    public static readonly IReadOnlyList<string> DefaultNetworks = ["127.0.0.0/8", "::1/128"];

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Trusted networks in CIDR notation, e.g. <c>172.18.0.0/16</c> for a container network.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>The networks in force: <see cref="KnownNetworks"/>, or the default when neither list is set.</summary>
    public IEnumerable<string> EffectiveNetworks =>
        KnownProxies.Count == 0 && KnownNetworks.Count == 0 ? DefaultNetworks : KnownNetworks;
}
