using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Observability;

/// <summary>Start-up checks of the <c>Management</c> section: every address has an explicit port, every network parses.</summary>
internal sealed class ManagementOptionsValidator : IValidateOptions<ManagementOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var url in options.UrlList)
        {
            if (ManagementAccess.PortOf(url) is null)
            {
                failures.Add($"Management:Urls entry '{url}' is not an http:// or https:// address with its own port, like http://0.0.0.0:9090.");
            }
        }

        for (var i = 0; i < options.AllowedNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.AllowedNetworks[i], out _))
            {
                failures.Add($"Management:AllowedNetworks:{i} ('{options.AllowedNetworks[i]}') is not a network in CIDR notation, like 10.0.0.0/8.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
