using System.Security.Cryptography.X509Certificates;
using EmployeeDirectory.Core.Hosting;

namespace EmployeeDirectory.Web.Auth.KeyRing;

/// <summary>
/// Says once at start-up how the key ring is protected, and warns outside Development when it is not (the start
/// gets this far without a certificate only with <c>DataProtection:AllowUnencrypted=true</c>).
/// </summary>
internal sealed partial class KeyRingProtectionCheck(
    X509Certificate2? certificate,
    IHostEnvironment environment,
    ILogger<KeyRingProtectionCheck> logger) : StartupStep
{
    public override Task StartingAsync(CancellationToken cancellationToken)
    {
        if (certificate is not null)
        {
            Log.Encrypted(logger, certificate.Subject, certificate.Thumbprint, certificate.NotAfter);
        }
        else if (!environment.IsDevelopment())
        {
            Log.Unencrypted(logger, environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3300, Level = LogLevel.Warning,
            Message = "The Data Protection keys that sign sign-in cookies are stored in the database UNENCRYPTED ({Environment}, DataProtection:AllowUnencrypted=true): anyone who can read the database can forge a sign-in. Set DataProtection:CertificatePath (and DataProtection:CertificatePassword) to an RSA certificate every server shares; scripts/make-key-ring-cert.sh makes one.")]
        public static partial void Unencrypted(ILogger logger, string environment);

        [LoggerMessage(EventId = 3301, Level = LogLevel.Information,
            Message = "Data Protection keys are encrypted at rest with certificate {Subject} ({Thumbprint}), valid until {NotAfter:u}")]
        public static partial void Encrypted(ILogger logger, string subject, string thumbprint, DateTime notAfter);
    }
}
