using GoldenThread.Web.Hosting;
using GoldenThread.Web.Html;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using static GoldenThread.Web.Html.Html;

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
        pages.MapGet("/sign-in", ([FromQuery] string? returnUrl, EditorDirectory editors, IAntiforgery af, HttpContext http) =>
            Form(new SignInForm { ReturnUrl = returnUrl }, null, editors, af, http));
        pages.MapPost("/sign-in", SignIn);
        pages.MapPost("/sign-out", SignOut);
        return app;
    }

    public static async Task<IResult> SignIn([FromForm] SignInForm form, EditorDirectory editors, IAntiforgery af, HttpContext http)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(form.UserName))
        {
            errors.Add(("userName", "Enter your email address or user name"));
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add(("password", "Enter your password"));
        }

        if (errors.Count > 0)
        {
            return Form(form, errors, editors, af, http);
        }

        var editor = form.UserName!.Length <= MaxUserNameLength && form.Password!.Length <= MaxPasswordLength
            ? editors.Verify(form.UserName, form.Password)
            : null;
        if (editor is null)
        {
            // One message for either mistake: the page must not tell a stranger which sign-in names exist.
            return Form(form, [("userName", WrongCredentials)], editors, af, http, fieldErrors: false);
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

    private static IResult Form(SignInForm form, IReadOnlyList<(string Field, string Message)>? errors, EditorDirectory editors, IAntiforgery af, HttpContext http, bool fieldErrors = true)
    {
        var tokens = af.GetAndStoreTokens(http);
        var returnUrl = EditorSignIn.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null;
        return Layout.Page(new PageInfo("Sign in"), h =>
        {
            if (errors is { Count: > 0 })
            {
                h.Raw("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
                foreach (var (field, message) in errors)
                {
                    h.Raw($"<li><a href=\"#{field}\">").Text(message).Raw("</a></li>");
                }

                h.Raw("</ul></div></div></div>");
            }

            h.Raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
            h.H1("Sign in");
            if (!editors.Any)
            {
                h.P("Commentary is added by the council's editors. This installation has no editors, so nobody can sign in; everything here can be read without signing in.");
                h.Raw("<p class=\"govuk-body\">").Link("/", "Go to the list of plans").Raw("</p></div></div>");
                return;
            }

            h.P("Sign in if you write commentary on the council's measures. Everything else can be read without signing in.");
            h.Raw("<form method=\"post\" action=\"/sign-in\" novalidate>")
                .Raw($"<input type=\"hidden\" name=\"{Attr(tokens.FormFieldName)}\" value=\"{Attr(tokens.RequestToken)}\">");
            if (returnUrl is not null)
            {
                h.Raw($"<input type=\"hidden\" name=\"returnUrl\" value=\"{Attr(returnUrl)}\">");
            }

            void Field(string name, string label, string type, string autocomplete, string? value)
            {
                var err = fieldErrors ? errors?.FirstOrDefault(e => e.Field == name).Message : null;
                h.Raw(err is null ? "<div class=\"govuk-form-group\">" : "<div class=\"govuk-form-group govuk-form-group--error\">")
                    .Raw($"<label class=\"govuk-label\" for=\"{name}\">").Text(label).Raw("</label>");
                if (err is not null)
                {
                    h.Raw($"<p id=\"{name}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ").Text(err).Raw("</p>");
                }

                var described = err is null ? "" : $" aria-describedby=\"{name}-error\"";
                h.Raw($"<input class=\"govuk-input govuk-!-width-two-thirds{(err is null ? "" : " govuk-input--error")}\" id=\"{name}\" name=\"{name}\" type=\"{type}\" autocomplete=\"{autocomplete}\" spellcheck=\"false\" value=\"{Attr(value)}\"{described}>")
                    .Raw("</div>");
            }

            Field("userName", "Email address or user name", "text", "username", form.UserName);

            // The password is never written back into the page.
            Field("password", "Password", "password", "current-password", null);
            h.Raw("<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Sign in</button></form>");
            h.P("If you have forgotten your password, ask the performance team to set a new one.", "govuk-body-s");
            h.Raw("</div></div>");
        }, errors is { Count: > 0 } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
