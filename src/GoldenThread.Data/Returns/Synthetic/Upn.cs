using System.Globalization;

namespace GoldenThread.Data.Returns.Synthetic;

/// <summary>Unique pupil numbers in DfE's format, with a valid check letter.</summary>
/// <remarks>
/// A UPN is a check letter followed by twelve digits: the LA number (3), the school's DfE establishment number (4), the
/// last two digits of the year of allocation and a serial (3). The check letter is the sum of each digit times its
/// position (the first digit is position 2, the last position 13) modulo 23, read in the alphabet without I, O and S
/// (DfE, Unique pupil numbers: policy and practice guidance; GDSC data standard "Unique Pupil Number" 2.0).
/// </remarks>
internal static class Upn
{
    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>The check letter of twelve digits.</summary>
    public static char CheckLetter(ReadOnlySpan<char> twelveDigits)
    {
        if (twelveDigits.Length != 12)
        {
            throw new ArgumentException("a UPN has twelve digits after its check letter", nameof(twelveDigits));
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var d = twelveDigits[i] - '0';
            if (d is < 0 or > 9)
            {
                throw new ArgumentException("a permanent UPN's last twelve characters are digits", nameof(twelveDigits));
            }

            sum += d * (i + 2);
        }

        return CheckLetters[sum % 23];
    }

    /// <summary>A UPN allocated by a school of the given authority in the given year.</summary>
    public static string Make(int laNumber, int establishment, int year, int serial)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"{laNumber:D3}{establishment:D4}{year % 100:D2}{serial:D3}");
        return CheckLetter(digits) + digits;
    }
}

/// <summary>The UPNs allocated to the synthetic children, so that no two children share one (DfE rules 444, 1520).</summary>
internal sealed class UpnRegistry
{
    private readonly HashSet<string> _used = [];

    /// <summary>A new UPN from a school of the council's area, allocated in the year <paramref name="from"/> falls in
    /// (a primary school's at reception, a secondary school's for a child arriving older).</summary>
    public string Allocate(Random r, DateOnly from, bool secondary)
    {
        while (true)
        {
            var upn = Upn.Make(Geography.HomeLaNumber, (secondary ? 4000 : 2000) + r.Next(1, 1000), from.Year, r.Next(1000));
            if (_used.Add(upn))
            {
                return upn;
            }
        }
    }
}
