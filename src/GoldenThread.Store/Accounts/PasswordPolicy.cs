using System.Reflection;
using System.Text;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Identity;

namespace GoldenThread.Store.Accounts;

/// <summary>
/// The password rules, shared by the web application and <c>goldenthread user add</c>: NCSC's guidance ("Password
/// administration for system owners", 2018/2024) of length over complexity, with a deny-list and no composition rules,
/// and ASP.NET Core Identity's lockout after ten wrong passwords in a row.
/// </summary>
public static class PasswordPolicy
{
    public const int DefaultMinimumLength = 12;

    public const int MaximumLength = 1024;

    /// <summary>Identity's options as GoldenThread sets them.</summary>
    public static void Configure(IdentityOptions o, int minimumLength)
    {
        o.Password.RequiredLength = minimumLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;

        // The tenth wrong password in a row locks the account for 15 minutes (an administrator can unlock it sooner).
        o.Lockout.MaxFailedAccessAttempts = 10;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;

        // The user name is the email address, already checked as one (PersonAccounts.Problems); Identity's default
        // character list would refuse real addresses such as o'brien@ or jo+performance@.
        o.User.AllowedUserNameCharacters = "";
        o.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>
    /// The form a password is compared with the deny-list in: lower case; digits and symbols at the end dropped ("2024!");
    /// look-alike characters read as letters; other symbols dropped. "P@ssw0rd2024!" is "password".
    /// </summary>
    public static string Normalise(string password)
    {
        var lower = password.ToLowerInvariant();
        var end = lower.Length;
        while (end > 0 && !char.IsAsciiLetterLower(lower[end - 1]))
        {
            end--;
        }

        var text = new StringBuilder(end);
        foreach (var c in lower.AsSpan(0, end))
        {
            var mapped = c switch
            {
                '0' => 'o',
                '1' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                _ => c,
            };
            if (char.IsAsciiLetterOrDigit(mapped))
            {
                text.Append(mapped);
            }
        }

        return text.ToString().TrimEnd("0123456789".ToCharArray());
    }

    /// <summary>Whether the password is one character repeated, or a run along the digits, the alphabet or a keyboard row.</summary>
    public static bool IsSequence(string password)
    {
        var p = password.ToLowerInvariant();
        if (p.Distinct().Count() <= 2)
        {
            return true;
        }

        foreach (var run in new[] { "01234567890123456789", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm" })
        {
            var doubled = run + run;
            if (doubled.Contains(p, StringComparison.Ordinal) || new string(doubled.Reverse().ToArray()).Contains(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Refuses passwords on the deny-list (built in, plus the council's own file), keyboard and digit runs, and passwords
/// made of the person's own email address or name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PersonRow>
{
    private static readonly Lazy<HashSet<string>> BuiltIn = new(() => Read(
        Assembly.GetExecutingAssembly().GetManifestResourceStream("GoldenThread.Store.Accounts.common-passwords.txt")
        ?? throw new InvalidOperationException("The built-in deny-list is missing from the assembly.")));

    private readonly HashSet<string> _denied;

    public CommonPasswordValidator()
        : this((string?)null)
    {
    }

    /// <param name="extraFile">A council's own list, one per line (<c>#</c> starts a comment); null for the built-in list only.</param>
    public CommonPasswordValidator(string? extraFile)
    {
        _denied = new HashSet<string>(BuiltIn.Value, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(extraFile))
        {
            using var stream = File.OpenRead(extraFile);
            _denied.UnionWith(Read(stream));
        }
    }

    public const string Message = "Choose a password that is harder to guess: it is a common password, a run of keys or digits, or made from your name or email address. Three random words make a strong password that is easy to remember.";

    public Task<IdentityResult> ValidateAsync(UserManager<PersonRow> manager, PersonRow user, string? password) =>
        Task.FromResult(IsWeak(password ?? "", user.Email, user.DisplayName)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = Message })
            : IdentityResult.Success);

    /// <summary>The rule itself, for tests and for forms that check before submitting.</summary>
    public bool IsWeak(string password, string? email, string? displayName)
    {
        var normalised = PasswordPolicy.Normalise(password);
        if (PasswordPolicy.IsSequence(password) || _denied.Contains(normalised))
        {
            return true;
        }

        // Made of the person's own names: "jane.smith" in "Janesmith2024!", "Smith" repeated.
        var own = new List<string>();
        if (!string.IsNullOrWhiteSpace(email))
        {
            own.Add(PasswordPolicy.Normalise(email.Split('@')[0]));
        }

        if (!string.IsNullOrWhiteSpace(displayName))
        {
            own.Add(PasswordPolicy.Normalise(displayName));
            own.AddRange(displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(PasswordPolicy.Normalise));
        }

        // Whatever is left once every one of the names is taken out: nothing means the password is only the names.
        var rest = new string(normalised.Where(char.IsAsciiLetter).ToArray());
        if (rest.Length == 0)
        {
            return false;
        }

        foreach (var name in own.Select(o => new string(o.Where(char.IsAsciiLetter).ToArray())).Where(o => o.Length >= 3).OrderByDescending(o => o.Length))
        {
            rest = rest.Replace(name, "", StringComparison.Ordinal);
        }

        return rest.Length == 0;
    }

    private static HashSet<string> Read(Stream stream)
    {
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length > 0 && !text.StartsWith('#'))
            {
                set.Add(PasswordPolicy.Normalise(text));
            }
        }

        return set;
    }
}
