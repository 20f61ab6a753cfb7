using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EmployeeDirectory.Web.Auth.KeyRing;

/// <summary>Loads the certificate that encrypts the key ring, or says exactly why it cannot be used.</summary>
internal static class KeyRingCertificate
{
    public static X509Certificate2 Load(KeyRingOptions options, KeyRingOptionsValidator paths)
    {
        var path = paths.Resolve(options.CertificatePath!);
        X509Certificate2 certificate;
        try
        {
            certificate = string.IsNullOrWhiteSpace(options.CertificateKeyPath)
                ? X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet)
                : LoadPem(path, paths.Resolve(options.CertificateKeyPath), options.CertificatePassword);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath ({path}) could not be loaded: {exception.Message} Check the file and DataProtection:CertificatePassword.",
                exception);
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath ({path}) must hold an RSA certificate with its private key: the key ring is encrypted to it and decrypted with it.");
        }

        return certificate;
    }

    private static X509Certificate2 LoadPem(string certificatePath, string keyPath, string? password) =>
        string.IsNullOrEmpty(password)
            ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, keyPath);
}
