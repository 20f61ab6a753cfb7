using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using EmployeeDirectory.Core.Accounts;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>
/// Makes and hashes keys. A key is <c>edk_</c> followed by 32 random bytes in base64url (256 bits of
/// entropy), so a fast hash (SHA-256) is enough: there is nothing to brute-force, unlike a password.
/// </summary>
internal static class ApiKeySecret
{
    public const string Prefix = "edk_";

    /// <summary>Longest header value even looked at; real keys are 47 characters.</summary>
    public const int MaxPresentedLength = 512;

    private const int RandomBytes = 32;

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>Compares two hashes in constant time, so timing says nothing about how much of a guess was right.</summary>
    public static bool Matches(byte[] stored, byte[] presented) => CryptographicOperations.FixedTimeEquals(stored, presented);

    public static string PreviewOf(string key) => key.Length <= ApiKey.PreviewLength ? key : key[..ApiKey.PreviewLength];
}
