using GoldenThread.Views.Govuk;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.SignIn;
using GoldenThread.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace GoldenThread.Web.Features;

/// <summary>The sign-in form's fields.</summary>
public sealed class SignInForm
{
    [FromForm(Name = "userName")]
    public string? UserName { get; set; }

    [FromForm(Name = "password")]
    public string? Password { get; set; }

    [FromForm(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }
}

/// <summary><c>/sign-in</c> (GET the form, POST it) and <c>/sign-out</c> (POST) for the council's editors.</summary>
public static class SignInPages
{
    public const string WrongCredentials = "Enter a correct email address or user name and password";

    // Longer input is not a password anyone was given; refusing it early keeps the hashing bounded.
    private const int MaxUserNameLength = 256;
    private const int MaxPasswordLength = 1024;

    public static IEndpointRouteBuilder MapSignInPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/sign-in", ([FromQuery] string? returnUrl, EditorDirectory editors) => Form(new SignInForm { ReturnUrl = returnUrl }, null, editors));
        pages.MapPost("/sign-in", SignIn);
        pages.MapPost("/sign-out", SignOut);
        return app;
    }

    public static async Task<IResult> SignIn([FromForm] SignInForm form, EditorDirectory editors, HttpContext http)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.UserName))
        {
            errors.Add(new("userName", "Enter your email address or user name"));
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add(new("password", "Enter your password"));
        }

        if (errors.Count > 0)
        {
            return Form(form, errors, editors);
        }

        var editor = form.UserName!.Length <= MaxUserNameLength && form.Password!.Length <= MaxPasswordLength
            ? editors.Verify(form.UserName, form.Password)
            : null;
        if (editor is null)
        {
            // One message for either mistake: the page must not tell a stranger which sign-in names exist.
            return Form(form, [new("userName", WrongCredentials)], editors, markFields: false);
        }

        // A session cookie (gone when the browser closes) holding a ticket that lapses after 8 hours without use.
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, EditorSignIn.Principal(editor), new AuthenticationProperties { IsPersistent = false });
        return TypedResults.Redirect(EditorSignIn.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
    }

    public static async Task<IResult> SignOut(IAntiforgery af, HttpContext http)
    {
        // The form has no fields to bind, so the token is checked here (an AntiforgeryValidationException is the 400 page).
        await af.ValidateRequestAsync(http);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/");
    }

    private static IResult Form(SignInForm form, IReadOnlyList<FieldError>? errors, EditorDirectory editors, bool markFields = true) =>
        Pages.Render<SignInPage>(new
        {
            EditorsExist = editors.Any,
            form.UserName,
            ReturnUrl = EditorSignIn.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null,
            Errors = errors ?? [],
            MarkFields = markFields,
        }, errors is { Count: > 0 } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
}
