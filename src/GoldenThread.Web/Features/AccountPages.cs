using GoldenThread.Store;
using GoldenThread.Store.Accounts;
using GoldenThread.Store.Entities;
using GoldenThread.Views.Govuk;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.Account;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;

namespace GoldenThread.Web.Features;

/// <summary>The change-password form's fields.</summary>
public sealed class ChangePasswordForm
{
    [FromForm(Name = "currentPassword")]
    public string? CurrentPassword { get; set; }

    [FromForm(Name = "newPassword")]
    public string? NewPassword { get; set; }

    [FromForm(Name = "confirmPassword")]
    public string? ConfirmPassword { get; set; }
}

/// <summary>A code from the authenticator app, confirming its set-up.</summary>
public sealed class AuthenticatorCodeForm
{
    [FromForm(Name = "code")]
    public string? Code { get; set; }
}

/// <summary>The password, asked again before two-factor sign-in is turned off.</summary>
public sealed class PasswordAgainForm
{
    [FromForm(Name = "password")]
    public string? Password { get; set; }
}

/// <summary>A new access token's name and how many days it lasts.</summary>
public sealed class NewTokenForm
{
    [FromForm(Name = "name")]
    public string? Name { get; set; }

    [FromForm(Name = "expiry")]
    public string? Expiry { get; set; }
}

/// <summary>One workspace role of the person, as their account page lists it.</summary>
public sealed record AccountRole(string WorkspaceId, string WorkspaceTitle, WorkspaceRole Role);

/// <summary>
/// A person's own account (docs/accounts.md): who they are and their roles, their password, two-factor sign-in with an
/// authenticator app, signing out everywhere, and personal access tokens for the API.
/// </summary>
public static class AccountPages
{
    public const int MaxTokenNameLength = 100;

    /// <summary>The lifetimes a token may be given, in days.</summary>
    public static readonly IReadOnlyList<int> TokenDays = [7, 30, 90, 365];

    /// <summary>The issuer authenticator apps show beside the account.</summary>
    public const string Issuer = "GoldenThread";

    // What the account page says after each change (the key is in the address it is redirected to).
    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["password"] = "Your password has been changed",
        ["two-factor-off"] = "Two-factor sign-in is off. You sign in with your password only",
    };

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/account").ExcludeFromDescription().RequireAuthorization(Policies.SignedIn);
        pages.MapGet("", Account);
        pages.MapGet("/password", () => PasswordForm([]));
        pages.MapPost("/password", ChangePassword).RequireRateLimiting(Accounts.SignInLimit);
        pages.MapGet("/two-factor", TwoFactor);
        pages.MapPost("/two-factor", EnableTwoFactor).RequireRateLimiting(Accounts.SignInLimit);
        pages.MapPost("/two-factor/recovery-codes", NewRecoveryCodes);
        pages.MapPost("/two-factor/disable", DisableTwoFactor).RequireRateLimiting(Accounts.SignInLimit);
        pages.MapPost("/sign-out-everywhere", SignOutEverywhere);
        pages.MapGet("/tokens", Tokens);
        pages.MapPost("/tokens", CreateToken);
        pages.MapPost("/tokens/{tokenId}/revoke", RevokeToken);
        return app;
    }

    public static async Task<IResult> Account([FromQuery] string? done, CurrentPerson current, PeopleStore people, WorkspaceService workspaces,
        IOptions<AccountOptions> options, CancellationToken ct)
    {
        if (await current.PersonAsync(ct) is not { } person)
        {
            return TypedResults.Redirect("/sign-in");
        }

        var titles = (await workspaces.ListAsync(ct)).ToDictionary(w => w.Id, w => w.Title, StringComparer.Ordinal);
        var roles = (await people.RolesAsync(person.Id, ct))
            .Select(r => new AccountRole(r.Key, titles.GetValueOrDefault(r.Key, r.Key), r.Value))
            .OrderBy(r => r.WorkspaceTitle, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var administers = person.IsInstallationAdministrator || roles.Any(r => r.Role == WorkspaceRole.Administrator);
        return Pages.Render<AccountPage>(new
        {
            Person = person,
            Roles = roles,
            MustSetUpTwoFactor = options.Value.RequireTwoFactorForAdministrators && administers && !person.TwoFactorEnabled,
            Done = done is not null && Done.TryGetValue(done, out var message) ? message : null,
        });
    }

    public static async Task<IResult> ChangePassword([FromForm] ChangePasswordForm? form, CurrentPerson current, SignInManager<PersonRow> signIn, CancellationToken ct)
    {
        // A form with none of the fields binds to nothing.
        form ??= new();
        if (await current.PersonAsync(ct) is not { } person)
        {
            return TypedResults.Redirect("/sign-in");
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(form.CurrentPassword))
        {
            errors.Add(new("currentPassword", "Enter your current password"));
        }

        if (string.IsNullOrEmpty(form.NewPassword))
        {
            errors.Add(new("newPassword", "Enter a new password"));
        }
        else if (form.NewPassword.Length > PasswordPolicy.MaximumLength)
        {
            errors.Add(new("newPassword", $"The new password must be {PasswordPolicy.MaximumLength} characters or fewer"));
        }
        else if (form.ConfirmPassword != form.NewPassword)
        {
            errors.Add(new("confirmPassword", "The two new passwords are not the same. Type the new password again"));
        }

        if (errors.Count > 0)
        {
            return PasswordForm(errors);
        }

        var result = form.CurrentPassword!.Length > PasswordPolicy.MaximumLength
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordMismatch" })
            : await signIn.UserManager.ChangePasswordAsync(person, form.CurrentPassword, form.NewPassword!);
        if (!result.Succeeded)
        {
            return PasswordForm(result.Errors
                .Select(e => e.Code == "PasswordMismatch"
                    ? new FieldError("currentPassword", "Your current password is not right")
                    : new FieldError("newPassword", e.Description.TrimEnd('.')))
                .ToList());
        }

        // The password change gave the account a new security stamp, which ends every other session; this one goes on.
        await signIn.RefreshSignInAsync(person);
        return TypedResults.Redirect("/account?done=password");
    }

    public static async Task<IResult> TwoFactor(CurrentPerson current, SignInManager<PersonRow> signIn, HttpContext http, CancellationToken ct)
    {
        if (await current.PersonAsync(ct) is not { } person)
        {
            return TypedResults.Redirect("/sign-in");
        }

        return person.TwoFactorEnabled
            ? Pages.Render<TwoFactorOnPage>(new { RecoveryCodesLeft = await signIn.UserManager.CountRecoveryCodesAsync(person), Errors = Array.Empty<FieldError>() })
            : await SetUpForm(person, signIn, http, []);
    }

    public static async Task<IResult> EnableTwoFactor([FromForm] AuthenticatorCodeForm? form, CurrentPerson current, SignInManager<PersonRow> signIn, HttpContext http, CancellationToken ct)
    {
        form ??= new();
        if (await current.PersonAsync(ct) is not { } person)
        {
            return TypedResults.Redirect("/sign-in");
        }

        if (person.TwoFactorEnabled)
        {
            return TypedResults.Redirect("/account/two-factor");
        }

        var users = signIn.UserManager;
        var code = new string((form.Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (code.Length == 0)
        {
            return await SetUpForm(person, signIn, http, [new("code", "Enter the 6-digit code from your authenticator app")]);
        }

        if (code.Length != 6 || !code.All(char.IsAsciiDigit)
            || !await users.VerifyTwoFactorTokenAsync(person, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            return await SetUpForm(person, signIn, http, [new("code", "The code is not right. Enter the 6-digit code your authenticator app shows now")]);
        }

        await users.SetTwoFactorEnabledAsync(person, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(person, 10) ?? [];
        await signIn.RefreshSignInAsync(person);
        return RecoveryCodes(http, codes, firstTime: true);
    }

    public static async Task<IResult> NewRecoveryCodes(IAntiforgery af, CurrentPerson current, SignInManager<PersonRow> signIn, HttpContext http, CancellationToken ct)
    {
        await af.ValidateRequestAsync(http);
        if (await current.PersonAsync(ct) is not { } person)
        {
            return TypedResults.Redirect("/sign-in");
        }

        if (!person.TwoFactorEnabled)
        {
            return TypedResults.Redirect("/account/two-factor");
        }

        var codes = await signIn.UserManager.GenerateNewTwoFactorRecoveryCodesAsync(person, 10) ?? [];
        return RecoveryCodes(http, codes, firstTime: false);
    }

    public static async Task<IResult> DisableTwoFactor([FromForm] PasswordAgainForm? form, CurrentPerson current, SignInManager<PersonRow> signIn, CancellationToken ct)
    {
        form ??= new();
        if (await current.PersonAsync(ct) is not { } person)
        {
            return TypedResults.Redirect("/sign-in");
        }

        var users = signIn.UserManager;
        if (!person.TwoFactorEnabled)
        {
            return TypedResults.Redirect("/account/two-factor");
        }

        string? error = string.IsNullOrEmpty(form.Password)
            ? "Enter your password to turn off two-factor sign-in"
            : form.Password.Length > PasswordPolicy.MaximumLength || !await users.CheckPasswordAsync(person, form.Password)
                ? "Your password is not right"
                : null;
        if (error is not null)
        {
            return Pages.Render<TwoFactorOnPage>(new
            {
                RecoveryCodesLeft = await users.CountRecoveryCodesAsync(person),
                Errors = new[] { new FieldError("password", error) },
            }, StatusCodes.Status400BadRequest);
        }

        await users.SetTwoFactorEnabledAsync(person, false);

        // A later set-up starts with a new key, so the old entry in the app is no use to anyone.
        await users.ResetAuthenticatorKeyAsync(person);
        await signIn.RefreshSignInAsync(person);
        return TypedResults.Redirect("/account?done=two-factor-off");
    }

    public static async Task<IResult> SignOutEverywhere(IAntiforgery af, CurrentPerson current, SignInManager<PersonRow> signIn, HttpContext http, CancellationToken ct)
    {
        await af.ValidateRequestAsync(http);
        if (await current.PersonAsync(ct) is { } person)
        {
            // A new security stamp: every session cookie issued before it is refused on its next request. Access tokens
            // are separate credentials and are left alone (the page says so).
            await signIn.UserManager.UpdateSecurityStampAsync(person);
        }

        await signIn.SignOutAsync();
        return TypedResults.Redirect("/sign-in");
    }

    public static async Task<IResult> Tokens([FromQuery] string? revoked, CurrentPerson current, PeopleStore people, TimeProvider clock, CancellationToken ct)
    {
        if (await current.PersonAsync(ct) is not { } person)
        {
            return TypedResults.Redirect("/sign-in");
        }

        return await TokensPage(person, people, clock, new NewTokenForm(), [], revoked is not null, ct);
    }

    public static async Task<IResult> CreateToken([FromForm] NewTokenForm? form, CurrentPerson current, PeopleStore people, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        form ??= new();
        if (await current.PersonAsync(ct) is not { } person)
        {
            return TypedResults.Redirect("/sign-in");
        }

        var errors = new List<FieldError>();
        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new("name", "Enter a name for the token, saying what it is for"));
        }
        else if (name.Length > MaxTokenNameLength)
        {
            errors.Add(new("name", $"The name must be {MaxTokenNameLength} characters or fewer"));
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(new("name", "The name must be on one line, without tabs"));
        }

        if (!int.TryParse(form.Expiry, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) || !TokenDays.Contains(days))
        {
            errors.Add(new("expiry", "Choose how long the token lasts"));
        }

        if (errors.Count > 0)
        {
            return await TokensPage(person, people, clock, form, errors, false, ct);
        }

        var (token, info) = await people.CreateTokenAsync(person.Id, name, clock.GetUtcNow().AddDays(days), ct);
        NoStore(http);
        return Pages.Render<TokenCreatedPage>(new { Token = token, Info = info });
    }

    public static async Task<IResult> RevokeToken(string tokenId, IAntiforgery af, CurrentPerson current, PeopleStore people, HttpContext http, CancellationToken ct)
    {
        await af.ValidateRequestAsync(http);
        if (await current.PersonAsync(ct) is not { } person)
        {
            return TypedResults.Redirect("/sign-in");
        }

        // Only the person's own tokens: someone else's is as unknown as one that never existed.
        if (!Guid.TryParse(tokenId, out var id) || !await people.RevokeTokenAsync(person.Id, id, ct))
        {
            return Pages.Error(StatusCodes.Status404NotFound, "Token not found", "You have no access token with that address. It may be someone else's, or the link may be wrong.");
        }

        return TypedResults.Redirect("/account/tokens?revoked=1");
    }

    /// <summary>The key as people type it: upper case in groups of four.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.ToUpperInvariant().Chunk(4).Select(c => new string(c)));

    /// <summary>The address an authenticator app reads from the QR code (the "Key Uri Format" of Google Authenticator).</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key.ToUpperInvariant()}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The QR code of an address as a PNG <c>data:</c> URI (the Content-Security-Policy allows data: images).</summary>
    public static string QrCodeDataUri(string text) =>
        "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 5));

    private static IResult PasswordForm(IReadOnlyList<FieldError> errors) =>
        Pages.Render<ChangePasswordPage>(new { Errors = errors }, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    private static async Task<IResult> SetUpForm(PersonRow person, SignInManager<PersonRow> signIn, HttpContext http, IReadOnlyList<FieldError> errors)
    {
        var users = signIn.UserManager;
        var key = await users.GetAuthenticatorKeyAsync(person);
        if (string.IsNullOrEmpty(key))
        {
            // A new key gives the account a new security stamp; this session carries on with it.
            await users.ResetAuthenticatorKeyAsync(person);
            key = await users.GetAuthenticatorKeyAsync(person) ?? "";
            await signIn.RefreshSignInAsync(person);
        }

        NoStore(http);
        var uri = AuthenticatorUri(person.Email ?? person.UserName ?? "", key);
        return Pages.Render<TwoFactorSetUpPage>(new
        {
            Key = Grouped(key),
            Uri = uri,
            QrCode = QrCodeDataUri(uri),
            Errors = errors,
        }, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static IResult RecoveryCodes(HttpContext http, IEnumerable<string> codes, bool firstTime)
    {
        NoStore(http);
        return Pages.Render<RecoveryCodesPage>(new { Codes = codes.ToList(), FirstTime = firstTime });
    }

    private static async Task<IResult> TokensPage(PersonRow person, PeopleStore people, TimeProvider clock, NewTokenForm form, IReadOnlyList<FieldError> errors, bool revoked, CancellationToken ct) =>
        Pages.Render<TokensPage>(new
        {
            Tokens = await people.TokensAsync(person.Id, ct),
            Now = clock.GetUtcNow(),
            form.Name,
            form.Expiry,
            Errors = errors,
            Revoked = revoked,
        }, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    /// <summary>A secret shown once (a token, recovery codes, an authenticator key) is kept out of every cache.</summary>
    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
