using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// A self-signed RSA certificate written to a temporary folder as a password-protected PKCS#12 file and
/// as a PEM certificate with its PEM key, as an operator would hand them to the app. Deleted on dispose.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    public const string Password = "key ring certificate password";

    private static readonly Lazy<TestCertificate> SharedInstance = new(() =>
    {
        var certificate = new TestCertificate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => certificate.Dispose();
        return certificate;
    });

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"employee-directory-cert-{Guid.NewGuid():N}");

    public TestCertificate()
    {
        Directory.CreateDirectory(_folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Employee Directory key ring (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Thumbprint = certificate.Thumbprint;
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pfx, Password));
        File.WriteAllText(PemPath, certificate.ExportCertificatePem());
        File.WriteAllText(PemKeyPath, rsa.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>
    /// One certificate for the whole test run, deleted when it ends: what <see cref="DirectoryAppFactory"/> gives an
    /// app outside Development (which refuses to start without one) unless a test sets the key ring up itself.
    /// </summary>
    public static TestCertificate Shared => SharedInstance.Value;

    public string Thumbprint { get; }

    public string PfxPath => Path.Combine(_folder, "key-ring.pfx");

    public string PemPath => Path.Combine(_folder, "key-ring.crt");

    public string PemKeyPath => Path.Combine(_folder, "key-ring.key");

    /// <summary>Settings that encrypt the key ring with the PKCS#12 file.</summary>
    public Dictionary<string, string?> PfxSettings() => new()
    {
        ["DataProtection:CertificatePath"] = PfxPath,
        ["DataProtection:CertificatePassword"] = Password,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover file in the temp folder must not fail the test run.
        }
    }
}
