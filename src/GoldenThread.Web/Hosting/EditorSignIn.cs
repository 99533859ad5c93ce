using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GoldenThread.Web.Hosting;

/// <summary>A configured editor: the name shown as author, the sign-in name, and a stamp that changes with the password's hash.</summary>
public sealed record Editor(string Name, string UserName, string Stamp);

/// <summary>The editors of <see cref="GoldenThreadOptions.Editors"/> and the check of a password against their hashes.</summary>
public sealed class EditorDirectory
{
    private static readonly PasswordHasher<Editor> Hasher = new();

    private readonly Dictionary<string, (Editor Editor, string Hash)> _byUserName = new(StringComparer.OrdinalIgnoreCase);

    // An unknown sign-in name is checked against this throwaway hash, so that it takes as long as a wrong password and the
    // time of the answer does not tell which names exist.
    private readonly Lazy<string> _decoyHash = new(() => Hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public EditorDirectory(IOptions<GoldenThreadOptions> options)
    {
        foreach (var e in options.Value.Editors)
        {
            var hash = e.PasswordHash!.Trim();
            var stamp = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(hash)).AsSpan(0, 16));
            _byUserName[e.UserName!.Trim()] = (new Editor(e.Name!.Trim(), e.UserName.Trim(), stamp), hash);
        }
    }

    /// <summary>Whether anyone can sign in at all.</summary>
    public bool Any => _byUserName.Count > 0;

    /// <summary>The editor when the name and password match; null otherwise, without saying which was wrong.</summary>
    /// <remarks>PasswordHasher compares in constant time (<c>CryptographicOperations.FixedTimeEquals</c>).</remarks>
    public Editor? Verify(string userName, string password)
    {
        if (!_byUserName.TryGetValue(userName.Trim(), out var entry))
        {
            Hasher.VerifyHashedPassword(null!, _decoyHash.Value, password);
            return null;
        }

        // SuccessRehashNeeded (a version 3 hash with fewer iterations than today's default) still proves the password.
        return Hasher.VerifyHashedPassword(entry.Editor, entry.Hash, password) == PasswordVerificationResult.Failed ? null : entry.Editor;
    }

    /// <summary>The editor a cookie names, if still configured with the same password hash.</summary>
    public Editor? Find(string userName, string stamp) =>
        _byUserName.TryGetValue(userName, out var entry)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(entry.Editor.Stamp), Encoding.UTF8.GetBytes(stamp))
            ? entry.Editor
            : null;
}

/// <summary>Cookie sign-in for editors: the only thing a person must sign in for is writing commentary.</summary>
public static class EditorSignIn
{
    public const string Policy = "Editor";
    public const string CookieName = "goldenthread-editor";
    public const string StampClaim = "goldenthread:stamp";

    public static WebApplicationBuilder AddEditorSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EditorDirectory>();

        // The cookie is protected by the data-protection keys in the store (StoreServices), so any instance reads a cookie
        // another instance wrote.
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;

            // Secure over HTTPS (behind TLS in production); plain http on loopback, for local trial and the tests.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnValidatePrincipal = ValidateAsync;

            // A refused GET goes to the sign-in page and back; a refused POST cannot be repeated after signing in, so it gets
            // 401 (and the error page saying to sign in).
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method))
                {
                    ctx.Response.Redirect(ctx.RedirectUri);
                }
                else
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }

                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireClaim(StampClaim));
        return builder;
    }

    /// <summary>The principal of a signed-in editor: the author name, the sign-in name (also the antiforgery token's user) and the stamp.</summary>
    public static ClaimsPrincipal Principal(Editor editor) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, editor.Name), new Claim(ClaimTypes.NameIdentifier, editor.UserName), new Claim(StampClaim, editor.Stamp)],
            CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The signed-in editor's name (the commentary's author), or null for anyone else.</summary>
    public static string? SignedInEditor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == StampClaim) ? user.FindFirstValue(ClaimTypes.Name) : null;

    /// <summary>
    /// Every request with a cookie: the editor must still be configured with the same password hash, so removing an editor
    /// or changing a password ends their sessions on the next request; a changed name is picked up.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var directory = ctx.HttpContext.RequestServices.GetRequiredService<EditorDirectory>();
        var userName = ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = ctx.Principal?.FindFirstValue(StampClaim);
        if (userName is null || stamp is null || directory.Find(userName, stamp) is not { } editor)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (ctx.Principal!.FindFirstValue(ClaimTypes.Name) != editor.Name)
        {
            ctx.ReplacePrincipal(Principal(editor));
            ctx.ShouldRenew = true;
        }
    }

    /// <summary>A return address only within this site: "/path", never "//host", "/\host" or an absolute URL.</summary>
    public static bool IsLocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return false;
        }

        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return false;
        }

        // Browsers drop tabs and newlines inside URLs ("/\t/evil.example"), and control characters have no place here.
        return !url.Any(char.IsControl);
    }
}
