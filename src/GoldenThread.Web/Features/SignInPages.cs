using GoldenThread.Store.Entities;
using GoldenThread.Views.Govuk;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.SignIn;
using GoldenThread.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

/// <summary>The sign-in form's fields.</summary>
public sealed class SignInForm
{
    [FromForm(Name = "email")]
    public string? Email { get; set; }

    [FromForm(Name = "password")]
    public string? Password { get; set; }

    [FromForm(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }
}

/// <summary>The second step's field: a code from the authenticator app, or a recovery code.</summary>
public sealed class TwoFactorForm
{
    [FromForm(Name = "code")]
    public string? Code { get; set; }

    [FromForm(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }
}

/// <summary><c>/sign-in</c> (email and password, then the authenticator code where the account has one) and <c>/sign-out</c>.</summary>
public static class SignInPages
{
    public const string WrongCredentials = "Enter a correct email address and password";

    public const string LockedOut = "This account is locked after too many wrong passwords. Try again in 15 minutes, or ask an administrator to unlock it";

    public const string TooManyAttempts = "Too many wrong passwords have come from your network. Try again in 15 minutes";

    public const string PasswordsOff = "Signing in with a password is turned off here. Use the button on the sign-in page to sign in with your council account.";
    public const string PasswordSet = "Your password is set. Sign in with it.";

    // Longer input is not a password anyone was given; refusing it early keeps the hashing bounded.
    private const int MaxEmailLength = 256;
    private const int MaxPasswordLength = 1024;

    public static IEndpointRouteBuilder MapSignInPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription().Public();
        pages.MapGet("/sign-in", ([FromQuery] string? returnUrl, [FromQuery] string? notice) =>
            Form(new SignInForm { ReturnUrl = returnUrl }, null, notice: notice == PeoplePages.PasswordSetNotice ? PasswordSet : null));
        pages.MapPost("/sign-in", SignIn).RequireRateLimiting(Accounts.SignInLimit);
        pages.MapGet("/sign-in/two-factor", ([FromQuery] string? returnUrl) => TwoFactorForm(returnUrl, null));
        pages.MapPost("/sign-in/two-factor", TwoFactor).RequireRateLimiting(Accounts.SignInLimit);
        pages.MapPost("/sign-out", SignOut);
        return app;
    }

    public static async Task<IResult> SignIn(
        [FromForm] SignInForm? posted, SignInManager<PersonRow> signIn, SignInFailures failures, HttpContext http, Microsoft.Extensions.Options.IOptions<SingleSignOnOptions> sso)
    {
        if (!sso.Value.AllowLocalAccounts)
        {
            return Pages.Error(StatusCodes.Status403Forbidden, "Sign in with your council account", PasswordsOff);
        }

        // A form posted with none of its fields binds to null: an empty form, which its validation answers.
        var form = posted ?? new SignInForm();
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            errors.Add(new("email", "Enter your email address"));
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add(new("password", "Enter your password"));
        }

        if (errors.Count > 0)
        {
            return Form(form, errors);
        }

        var address = Accounts.Address(http);
        if (failures.IsBlocked(address))
        {
            return Form(form, [new("email", TooManyAttempts)], markFields: false, status: StatusCodes.Status429TooManyRequests);
        }

        var person = form.Email!.Length <= MaxEmailLength ? await signIn.UserManager.FindByEmailAsync(form.Email.Trim()) : null;
        if (person is null || form.Password!.Length > MaxPasswordLength)
        {
            // As long as a wrong password takes, so that the time of the answer does not tell which addresses have accounts.
            signIn.UserManager.PasswordHasher.HashPassword(new PersonRow(), form.Password!.Length > MaxPasswordLength ? "" : form.Password);
            failures.Record(address);
            return Form(form, [new("email", WrongCredentials)], markFields: false);
        }

        var result = await signIn.PasswordSignInAsync(person, form.Password, isPersistent: false, lockoutOnFailure: true);
        var back = Accounts.ReturnTarget(form.ReturnUrl);
        if (result.Succeeded)
        {
            return TypedResults.Redirect(back);
        }

        if (result.RequiresTwoFactor)
        {
            return TypedResults.Redirect("/sign-in/two-factor?returnUrl=" + Uri.EscapeDataString(back));
        }

        // Every refused password counts against the address, including those on an account already locked.
        failures.Record(address);

        // One message for either mistake: the page must not tell a stranger which addresses have accounts.
        return Form(form, [new("email", result.IsLockedOut ? LockedOut : WrongCredentials)], markFields: false);
    }

    public static async Task<IResult> TwoFactor([FromForm] TwoFactorForm? posted, SignInManager<PersonRow> signIn, SignInFailures failures, HttpContext http)
    {
        // A form posted with none of its fields binds to null: an empty form, which its validation answers.
        var form = posted ?? new TwoFactorForm();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            // The first step's cookie lapsed (5 minutes): start again.
            return TypedResults.Redirect("/sign-in");
        }

        var code = new string((form.Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (code.Length == 0 || code.Length > 20)
        {
            return TwoFactorForm(form.ReturnUrl, "Enter the 6-digit code from your authenticator app, or a recovery code");
        }

        var address = Accounts.Address(http);
        if (failures.IsBlocked(address))
        {
            return TwoFactorForm(form.ReturnUrl, TooManyAttempts, StatusCodes.Status429TooManyRequests);
        }

        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code!.Trim());
        if (result.Succeeded)
        {
            return TypedResults.Redirect(Accounts.ReturnTarget(form.ReturnUrl));
        }

        failures.Record(address);
        return TwoFactorForm(form.ReturnUrl, result.IsLockedOut ? LockedOut : "The code is not right. Enter the code your authenticator app shows now");
    }

    public static async Task<IResult> SignOut(IAntiforgery af, SignInManager<PersonRow> signIn, HttpContext http)
    {
        // The form has no fields to bind, so the token is checked here (an AntiforgeryValidationException is the 400 page).
        await af.ValidateRequestAsync(http);
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/");
    }

    private static IResult Form(SignInForm form, IReadOnlyList<FieldError>? errors, bool markFields = true, int? status = null, string? notice = null) =>
        Pages.Render<SignInPage>(new
        {
            form.Email,
            ReturnUrl = Accounts.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null,
            Errors = errors ?? [],
            MarkFields = markFields,
            Notice = notice,
        }, status ?? (errors is { Count: > 0 } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK));

    private static IResult TwoFactorForm(string? returnUrl, string? error, int? status = null) =>
        Pages.Render<TwoFactorPage>(new
        {
            ReturnUrl = Accounts.IsLocalUrl(returnUrl) ? returnUrl : null,
            Errors = error is null ? Array.Empty<FieldError>() : [new FieldError("code", error)],
        }, status ?? (error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest));
}
