using GoldenThread.Store;

namespace GoldenThread.Web.Html;

/// <summary>What the page shell needs: the title, the workspace (for its navigation), which section is current, the breadcrumbs.</summary>
public sealed record PageInfo(string Title, WorkspaceInfo? Workspace = null, string? Section = null, IReadOnlyList<(string Text, string Href)>? Breadcrumbs = null);

/// <summary>The GOV.UK page template around every page: skip link, header with the service name, service navigation, footer.</summary>
/// <remarks>No crown and no GOV.UK logotype: GoldenThread is a council's service, not GOV.UK's.</remarks>
public static class Layout
{
    public const string ServiceName = "GoldenThread";

    private static readonly (string Key, string Text, string Path)[] Sections =
    [
        ("plan", "Plan", ""),
        ("thread", "Golden thread", "/thread"),
        ("dashboard", "Dashboard", "/dashboard"),
        ("actions", "Actions", "/actions"),
        ("intentions", "Commissioning intentions", "/intentions"),
    ];

    /// <summary>The page, written when the result runs, so that the header can show who is signed in.</summary>
    public static IResult Page(PageInfo info, Action<Html> body, int statusCode = StatusCodes.Status200OK) => new HtmlPage(info, body, statusCode);

    /// <summary>The whole page as a string; <paramref name="account"/> is the header's sign-in or sign-out, already markup.</summary>
    public static string Render(PageInfo info, Action<Html> body, string account)
    {
        var h = new Html();
        var title = info.Workspace is { } ws ? $"{info.Title} \u2013 {ws.Title} \u2013 {ServiceName}" : $"{info.Title} \u2013 {ServiceName}";
        h.Raw("<!DOCTYPE html>\n<html lang=\"en-GB\" class=\"govuk-template\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Text(title).Raw("</title>\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n")
            .Raw("<meta name=\"theme-color\" content=\"#0b0c0c\">\n")
            .Raw("<link rel=\"stylesheet\" href=\"/govuk/govuk-frontend.min.css\">\n<link rel=\"stylesheet\" href=\"/app.css\">\n")
            .Raw("</head>\n<body class=\"govuk-template__body\">\n")
            .Raw("<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">Skip to main content</a>\n")
            .Raw("<header class=\"govuk-header\" data-module=\"govuk-header\"><div class=\"govuk-header__container govuk-width-container\">")
            .Raw("<div class=\"govuk-header__content\"><a href=\"/\" class=\"govuk-header__link govuk-header__service-name\">").Text(ServiceName).Raw("</a></div>")
            .Raw(account).Raw("</div></header>\n");

        if (info.Workspace is { } w)
        {
            h.Raw("<section class=\"govuk-service-navigation\" aria-label=\"Sections of this plan\" data-module=\"govuk-service-navigation\"><div class=\"govuk-width-container\"><div class=\"govuk-service-navigation__container\">")
                .Raw("<span class=\"govuk-service-navigation__service-name\"><a href=\"/w/").Raw(Html.Seg(w.Id)).Raw("\" class=\"govuk-service-navigation__link\">").Text(w.Title).Raw("</a></span>")
                .Raw("<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\"><ul class=\"govuk-service-navigation__list\" id=\"navigation\">");
            foreach (var (key, text, path) in Sections)
            {
                var active = key == info.Section;
                h.Raw(active ? "<li class=\"govuk-service-navigation__item govuk-service-navigation__item--active\">" : "<li class=\"govuk-service-navigation__item\">")
                    .Raw($"<a class=\"govuk-service-navigation__link\" href=\"/w/{Html.Seg(w.Id)}{path}\"{(active ? " aria-current=\"page\"" : "")}>");
                h.Raw(active ? "<strong class=\"govuk-service-navigation__active-fallback\">" : "").Text(text).Raw(active ? "</strong>" : "").Raw("</a></li>");
            }

            h.Raw("</ul></nav></div></div></section>\n");
        }

        h.Raw("<div class=\"govuk-width-container\">\n");
        if (info.Breadcrumbs is { Count: > 0 } crumbs)
        {
            h.Raw("<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\"><ol class=\"govuk-breadcrumbs__list\">");
            foreach (var (text, href) in crumbs)
            {
                h.Raw("<li class=\"govuk-breadcrumbs__item\">").Link(href, text, "govuk-breadcrumbs__link").Raw("</li>");
            }

            h.Raw("</ol></nav>\n");
        }

        h.Raw("<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
        body(h);
        h.Raw("\n</main>\n</div>\n")
            .Raw("<footer class=\"govuk-footer\"><div class=\"govuk-width-container\"><div class=\"govuk-footer__meta\"><div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">")
            .Raw("<h2 class=\"govuk-visually-hidden\">Support links</h2><ul class=\"govuk-footer__inline-list\">")
            .Raw("<li class=\"govuk-footer__inline-list-item\"><a class=\"govuk-footer__link\" href=\"/openapi/v1.json\">API description (OpenAPI)</a></li>")
            .Raw("<li class=\"govuk-footer__inline-list-item\"><a class=\"govuk-footer__link\" href=\"/api/v1/workspaces\">Data as JSON</a></li>")
            .Raw("</ul><p class=\"govuk-body-s\">").Text(ServiceName).Raw(": a children's services plan, its measures and its performance dashboard.</p></div></div></div></footer>\n")
            .Raw("<script type=\"module\" src=\"/app.js\"></script>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>
    /// The header's account area: "Sign in" (back to this page afterwards) for anyone when there are editors; the editor's
    /// name and a sign-out button (a POST with an antiforgery token) when signed in; nothing when nobody can sign in.
    /// </summary>
    public static string Account(HttpContext http)
    {
        var editors = http.RequestServices.GetService<Hosting.EditorDirectory>();
        if (Hosting.EditorSignIn.SignedInEditor(http.User) is { } name)
        {
            var tokens = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(http);
            return new Html().Raw("<div class=\"app-header__account\"><span class=\"app-header__account-name\">Signed in as ").Text(name).Raw("</span> \u00b7 ")
                .Raw("<form method=\"post\" action=\"/sign-out\" class=\"app-header__sign-out\">")
                .Raw($"<input type=\"hidden\" name=\"{Html.Attr(tokens.FormFieldName)}\" value=\"{Html.Attr(tokens.RequestToken)}\">")
                .Raw("<button type=\"submit\" class=\"app-header__sign-out-button\">Sign out</button></form></div>").ToString();
        }

        if (editors is not { Any: true } || http.Request.Path.StartsWithSegments("/sign-in"))
        {
            return "";
        }

        // Back to this page afterwards; not after a refused POST, whose address cannot be opened with a GET.
        var here = http.Request.Path + http.Request.QueryString;
        var href = http.Request.Path == "/" || !HttpMethods.IsGet(http.Request.Method) ? "/sign-in" : "/sign-in?returnUrl=" + Uri.EscapeDataString(here);
        return $"<div class=\"app-header__account\"><a class=\"govuk-header__link\" href=\"{Html.Attr(href)}\">Sign in</a></div>";
    }

    private sealed class HtmlPage(PageInfo info, Action<Html> body, int statusCode) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
    {
        public int? StatusCode => statusCode;

        public string ContentType => "text/html; charset=utf-8";

        public Task ExecuteAsync(HttpContext httpContext) =>
            TypedResults.Content(Render(info, body, Account(httpContext)), ContentType, System.Text.Encoding.UTF8, statusCode).ExecuteAsync(httpContext);
    }

    /// <summary>An error page: what went wrong in plain words, never a stack trace.</summary>
    public static IResult Error(int statusCode, string title, string message, WorkspaceInfo? workspace = null) =>
        Page(new PageInfo(title, workspace), h =>
        {
            h.H1(title).P(message);
            h.Raw("<p class=\"govuk-body\">").Link(workspace is null ? "/" : $"/w/{Html.Seg(workspace.Id)}", workspace is null ? "Go to the list of plans" : "Go to the plan").Raw("</p>");
        }, statusCode);
}
