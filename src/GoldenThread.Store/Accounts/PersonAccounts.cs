using System.Security.Cryptography;
using GoldenThread.Data;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldenThread.Store.Accounts;

/// <summary>What creating or changing an account needs, for the command line and the web alike.</summary>
public static class PersonAccounts
{
    public const int EmailLength = 256;

    /// <summary>Identity's services over a store, without a web host (the command line's <c>user</c> commands).</summary>
    public static ServiceProvider Services(StoreConnection connection)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<GoldenThreadDbContext>(o => connection.Configure(o));
        services.AddIdentityCore<PersonRow>(o => PasswordPolicy.Configure(o, PasswordPolicy.DefaultMinimumLength))
            .AddEntityFrameworkStores<GoldenThreadDbContext>();
        services.AddSingleton<IPasswordValidator<PersonRow>>(new CommonPasswordValidator());
        services.AddScoped<PeopleStore>();
        return services.BuildServiceProvider();
    }

    /// <summary>A long random password, grouped for reading aloud: 20 characters from 32 unambiguous ones (100 bits).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789AB";
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(32)]).ToArray();
        return string.Join('-', chars.Chunk(5).Select(c => new string(c)));
    }

    /// <summary>The problems with an email address and display name, in words (empty when fine).</summary>
    public static IEnumerable<string> Problems(string? email, string? displayName)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            yield return "the email address is missing";
        }
        else if (email.Trim().Length > EmailLength || !PlainAddress.IsMatch(email.Trim()))
        {
            yield return $"'{Shorten(email)}' is not an email address (expected name@council.gov.uk, at most {EmailLength} characters)";
        }

        if (displayName is not null && displayName.Trim().Length > CommentaryLimits.AuthorLength)
        {
            yield return $"the name must be {CommentaryLimits.AuthorLength} characters or fewer";
        }
    }

    /// <summary>
    /// Creates an account (with a password, or none for an invitation to set one); the errors are Identity's in words.
    /// </summary>
    public static async Task<(PersonRow? Person, IReadOnlyList<string> Errors)> CreateAsync(UserManager<PersonRow> users, TimeProvider clock, string email, string? displayName, string? password)
    {
        var problems = Problems(email, displayName).ToList();
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var address = email.Trim();
        var person = new PersonRow
        {
            UserName = address,
            Email = address,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? address : displayName.Trim(),
            CreatedUtc = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var result = password is null ? await users.CreateAsync(person) : await users.CreateAsync(person, password);
        return result.Succeeded ? (person, []) : (null, result.Errors.Select(e => e.Description).ToList());
    }

    // An address as people have them: RFC 5322's unquoted local part (letters, digits and !#$%&'*+/=?^_`{|}~.-, so
    // o'brien@ and jo+performance@ pass) and a domain name with a dot; quoted local parts ("<img …>"@x) are refused.
    private static readonly System.Text.RegularExpressions.Regex PlainAddress = new(
        @"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
