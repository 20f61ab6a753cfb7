namespace EmployeeDirectory.Web.Auth.KeyRing;

/// <summary>
/// How the Data Protection key ring (the keys that sign and encrypt the sign-in and antiforgery cookies)
/// is protected at rest, bound from the <c>DataProtection</c> section and checked at start-up. The keys
/// live in the directory database; with a certificate each key is encrypted with it before it is stored,
/// so a copy of the database alone cannot forge a sign-in. Every server needs the same certificate.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// A PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) holding an RSA certificate with its private key, or a PEM
    /// certificate when <see cref="CertificateKeyPath"/> names its PEM private key. Relative to the content
    /// root. Outside Development the app refuses to start without one, unless <see cref="AllowUnencrypted"/> says so.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of a PEM <see cref="CertificatePath"/>.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>The PKCS#12 file's password, or the password of an encrypted PEM private key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Outside Development, lets the app start without <see cref="CertificatePath"/>: the keys are then stored in
    /// the database as they are, so anyone who reads the database or a backup can forge any sign-in, and start-up
    /// logs a warning saying so. Default false. Development never needs a certificate.
    /// </summary>
    public bool AllowUnencrypted { get; set; }
}
