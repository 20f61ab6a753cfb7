using EmployeeDirectory.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Auth.KeyRing;

/// <summary>
/// Data Protection signs and encrypts the sign-in and antiforgery cookies. Every server must use the same
/// keys and application name, or a cookie issued by one is rejected by the next, and the keys must outlive
/// a restart of anything but the database, or every user is signed out: they live in the directory
/// database (table <c>DataProtectionKeys</c>), encrypted with the configured certificate when there is one.
/// </summary>
internal static class DirectoryDataProtection
{
    public const string ApplicationName = "EmployeeDirectory";

    public static void AddDirectoryDataProtection(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var validator = new KeyRingOptionsValidator(builder.Environment);
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>>(validator);

        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<DirectoryDbContext>();

        // The certificate is needed now, while Data Protection is being composed: check the settings here
        // too, so a wrong path stops the start with the same message ValidateOnStart would give.
        var settings = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var validation = validator.Validate(Options.DefaultName, settings);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(KeyRingOptions), validation.Failures);
        }

        var certificate = string.IsNullOrWhiteSpace(settings.CertificatePath) ? null : KeyRingCertificate.Load(settings, validator);
        if (certificate is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddHostedService(provider => new KeyRingProtectionCheck(
            certificate, provider.GetRequiredService<IHostEnvironment>(), provider.GetRequiredService<ILogger<KeyRingProtectionCheck>>()));
    }
}
