using System.Net;
using System.Net.Sockets;

namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>
/// The client a limit counts against: an IPv4 address as it is, an IPv6 address by its /64 network. One IPv6
/// subscriber or host is handed a whole /64, so counting single IPv6 addresses would give each an unlimited budget.
/// </summary>
internal static class ClientPartition
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
