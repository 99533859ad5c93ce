using System.Security.Cryptography;

namespace GoldenThread.Web.Tests;

/// <summary>
/// An authenticator app's codes (RFC 6238 TOTP over RFC 4226 HOTP, HMAC-SHA1, 30-second steps), written here so that
/// a test does not trust the code it checks.
/// </summary>
internal static class Totp
{
    /// <summary>The 6-digit code an app shows now for a key as the set-up page shows it (base32, spaces allowed).</summary>
    public static string Now(string base32Key) => At(Base32(base32Key), DateTimeOffset.UtcNow);

    public static string At(byte[] key, DateTimeOffset time, int digits = 6) => Hotp(key, time.ToUnixTimeSeconds() / 30, digits);

    public static string Hotp(byte[] key, long counter, int digits)
    {
        var message = new byte[8];
        for (var i = 7; i >= 0; i--, counter >>= 8)
        {
            message[i] = (byte)(counter & 0xff);
        }

        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % (int)Math.Pow(10, digits)).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return [.. bytes];
    }
}
