using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Auth.KeyRing;

/// <summary>Start-up checks of the <c>DataProtection</c> section: the files it names must exist.</summary>
internal sealed class KeyRingOptionsValidator(IHostEnvironment environment) : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (!string.IsNullOrWhiteSpace(options.CertificateKeyPath) || !string.IsNullOrEmpty(options.CertificatePassword))
            {
                failures.Add("DataProtection:CertificateKeyPath or CertificatePassword is set but DataProtection:CertificatePath is not: name the certificate.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        RequireFile(failures, "DataProtection:CertificatePath", options.CertificatePath);
        if (!string.IsNullOrWhiteSpace(options.CertificateKeyPath))
        {
            RequireFile(failures, "DataProtection:CertificateKeyPath", options.CertificateKeyPath);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A configured path, relative to the content root.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, environment.ContentRootPath);

    private void RequireFile(List<string> failures, string setting, string path)
    {
        var full = Resolve(path);
        if (!File.Exists(full))
        {
            failures.Add($"{setting} names {full}, and there is no such file.");
        }
    }
}
