using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Auth.KeyRing;

/// <summary>
/// Start-up checks of the <c>DataProtection</c> section: the files it names must exist, and outside Development
/// there must be a certificate unless <c>DataProtection:AllowUnencrypted</c> is set.
/// </summary>
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
            else if (!environment.IsDevelopment() && !options.AllowUnencrypted)
            {
                failures.Add(
                    $"DataProtection:CertificatePath is not set ({environment.EnvironmentName}): the keys that sign every sign-in cookie would be stored "
                    + "in the database unencrypted, and anyone who reads the database or a backup could forge an admin's sign-in. "
                    + "Make a certificate with scripts/make-key-ring-cert.sh and set DataProtection:CertificatePath and DataProtection:CertificatePassword "
                    + "(the same on every server), or set DataProtection:AllowUnencrypted=true to run without one.");
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
