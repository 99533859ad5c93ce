using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using GoldenThread.Store;
using GoldenThread.Store.Accounts;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GoldenThread.Web.Hosting;

/// <summary>The settings of accounts (section <c>GoldenThread:Accounts</c>).</summary>
public sealed class AccountOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    /// <summary>
    /// The shortest password accepted. NCSC's guidance is length over complexity: no rules about capitals, digits or
    /// symbols, a deny-list of common passwords, and a length that allows three random words.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = PasswordPolicy.DefaultMinimumLength;

    /// <summary>A text file of further passwords to refuse, one per line (the council's own: its name, its buildings), added to the built-in list.</summary>
    public string? DenyListFile { get; set; }

    /// <summary>When true, administrators must use an authenticator app: until they set one up they may not administer.</summary>
    public bool RequireTwoFactorForAdministrators { get; set; }

    /// <summary>How long a signed-in session lasts without use.</summary>
    [System.ComponentModel.DataAnnotations.Range(5, 24 * 60)]
    public int SessionMinutes { get; set; } = 8 * 60;

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(DenyListFile) && !File.Exists(DenyListFile))
        {
            yield return new($"GoldenThread:Accounts:DenyListFile '{DenyListFile}' does not exist; expected a text file of passwords to refuse, one per line.", [nameof(DenyListFile)]);
        }
    }
}

/// <summary>Names of the authentication schemes.</summary>
public static class Schemes
{
    /// <summary>Picks the access-token scheme for API calls with a bearer token, the cookie otherwise.</summary>
    public const string Default = "GoldenThread";

    public const string AccessToken = "AccessToken";

    public const string CookieName = "goldenthread-session";
}

/// <summary>Accounts: ASP.NET Core Identity in the store, the session cookie, personal access tokens, and the sign-in rate limits.</summary>
public static class Accounts
{
    /// <summary>The rate limiter policy on sign-in, two-factor, invitation and password-setting posts.</summary>
    public const string SignInLimit = "sign-in";

    /// <summary>Wrong passwords accepted from one address in <see cref="FailureWindow"/> before it is refused with 429.</summary>
    public const int FailuresPerAddress = 10;

    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GoldenThreadOptions.Section + ":Accounts");
        builder.Services.AddOptions<AccountOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var accounts = section.Get<AccountOptions>() ?? new AccountOptions();

        builder.Services.AddIdentityCore<PersonRow>(o => PasswordPolicy.Configure(o, accounts.MinimumPasswordLength))
            .AddEntityFrameworkStores<GoldenThreadDbContext>()
            .AddSignInManager<PersonSignInManager>()
            .AddClaimsPrincipalFactory<PersonClaimsFactory>()
            .AddDefaultTokenProviders();
        builder.Services.AddSingleton<IPasswordValidator<PersonRow>>(_ => new CommonPasswordValidator(accounts.DenyListFile));

        // Invitation and password-reset links last three days.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        // Every request checks the account's security stamp, so disabling someone, changing a password or "sign out
        // everywhere" ends every session at once, not at the next half-hourly check.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddScoped<ISecurityStampValidator, SessionStampValidator>();

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = Schemes.Default;
                o.DefaultChallengeScheme = Schemes.Default;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(Schemes.Default, "Session or access token", o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api")
                && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? Schemes.AccessToken
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(Schemes.AccessToken, null)
            .AddIdentityCookies(c =>
            {
                c.ApplicationCookie!.Configure(o => ConfigureSessionCookie(o, accounts, builder.Environment));
                c.TwoFactorUserIdCookie!.Configure(o => ConfigureCookie(o.Cookie, builder.Environment));
                c.ExternalCookie!.Configure(o => ConfigureCookie(o.Cookie, builder.Environment));
                c.TwoFactorRememberMeCookie!.Configure(o => ConfigureCookie(o.Cookie, builder.Environment));
            });

        builder.Services.AddAntiforgery(o => ConfigureCookie(o.Cookie, builder.Environment));
        builder.Services.AddScoped<PeopleStore>();
        builder.Services.AddScoped<CurrentPerson>();
        builder.Services.AddSingleton<SignInFailures>();

        // A bound on password hashing per address (each is deliberately slow), whatever the outcome.
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = 30,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        });

        builder.AddWorkspaceAuthorization();
        return builder;
    }

    /// <summary>The address a request came from, as the rate limits count it.</summary>
    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>HttpOnly, SameSite=Lax, and Secure everywhere but a developer's machine (plain http on loopback).</summary>
    private static void ConfigureCookie(CookieBuilder cookie, IWebHostEnvironment environment)
    {
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }

    private static void ConfigureSessionCookie(CookieAuthenticationOptions o, AccountOptions accounts, IWebHostEnvironment environment)
    {
        ConfigureCookie(o.Cookie, environment);
        o.Cookie.Name = Schemes.CookieName;
        o.ExpireTimeSpan = TimeSpan.FromMinutes(accounts.SessionMinutes);
        o.SlidingExpiration = true;
        o.LoginPath = "/sign-in";
        o.LogoutPath = "/sign-out";
        o.AccessDeniedPath = "/";
        o.ReturnUrlParameter = "returnUrl";

        // A refused GET page goes to the sign-in page and back; a refused POST cannot be repeated after signing in, and the
        // API answers in JSON, so both get 401.
        o.Events.OnRedirectToLogin = ctx =>
        {
            if (!ctx.Request.Path.StartsWithSegments("/api") && (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)))
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
    }

    /// <summary>
    /// Where to send someone after signing in: their return address when it is within this site, else the home page. A
    /// header holds only ASCII, so any other character (<c>/café</c>) is sent percent-encoded as UTF-8, as a browser
    /// would have sent it; the address is the same one.
    /// </summary>
    public static string ReturnTarget(string? url)
    {
        if (!IsLocalUrl(url))
        {
            return "/";
        }

        var sb = new System.Text.StringBuilder(url!.Length);
        foreach (var rune in url.EnumerateRunes())
        {
            sb.Append(rune.IsAscii ? rune.ToString() : Uri.EscapeDataString(rune.ToString()));
        }

        return sb.ToString();
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

/// <summary>The session's claims: Identity's (id, email, security stamp) and the name shown in the header.</summary>
public sealed class PersonClaimsFactory(UserManager<PersonRow> users, IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<PersonRow>(users, options)
{
    public const string DisplayNameClaim = "goldenthread:name";

    /// <summary>Only to show the link to the people of the installation: what the person may do is read from the store on each request.</summary>
    public const string InstallationAdministratorClaim = "goldenthread:installation-administrator";

    /// <summary>The name a person is shown by: their display name, or their email address where they gave none.</summary>
    public static string NameOf(PersonRow user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PersonRow user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, NameOf(user)));
        if (user.IsInstallationAdministrator)
        {
            identity.AddClaim(new Claim(InstallationAdministratorClaim, "true"));
        }

        return identity;
    }
}

/// <summary>
/// Identity's security stamp check on every request (a password changed, an account disabled, "sign out everywhere":
/// every session ends at once), against the person as <see cref="CurrentPerson"/> knows them: read once per access
/// version, which every such change moves, instead of from the store on every request. Without Identity's re-issue of the
/// session cookie after each check: with the check on every request that re-issue rebuilt the claims and encrypted a new
/// cookie on every request, about 1.5 ms of CPU each (docs/benchmarks.md). The cookie is still re-issued when what it
/// carries, the name and the installation administrator's flag, has changed, and as it slides towards expiry.
/// </summary>
public sealed class SessionStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<PersonRow> signIn, ILoggerFactory logger, CurrentPerson current)
    : SecurityStampValidator<PersonRow>(options, signIn, logger)
{
    /// <summary>
    /// What Identity's <see cref="SignInManager{TUser}.ValidateSecurityStampAsync(ClaimsPrincipal?)"/> decides (the
    /// person exists and the session's stamp is theirs), and the account is not disabled; the person comes back as a new,
    /// untracked row, since <see cref="SecurityStampVerified"/> may rebuild the cookie's claims from it.
    /// </summary>
    protected override async Task<PersonRow?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        if (principal is null || SignInManager.UserManager.GetUserId(principal) is not { } id || await current.FindAsync(id, default) is not { } person)
        {
            return null;
        }

        var stamp = principal.FindFirstValue(SignInManager.Options.ClaimsIdentity.SecurityStampClaimType);
        return SignInManager.UserManager.SupportsUserSecurityStamp && !string.Equals(stamp, person.SecurityStamp, StringComparison.Ordinal)
            ? null
            : new PersonRow
            {
                Id = person.Id,
                UserName = person.UserName,
                Email = person.Email,
                DisplayName = person.DisplayName,
                IsInstallationAdministrator = person.IsInstallationAdministrator,
                TwoFactorEnabled = person.TwoFactorEnabled,
                SecurityStamp = person.SecurityStamp,
            };
    }

    protected override Task SecurityStampVerified(PersonRow user, CookieValidatePrincipalContext context) =>
        context.Principal is { } p
        && p.FindFirstValue(PersonClaimsFactory.DisplayNameClaim) == PersonClaimsFactory.NameOf(user)
        && p.HasClaim(PersonClaimsFactory.InstallationAdministratorClaim, "true") == user.IsInstallationAdministrator
            ? Task.CompletedTask
            : base.SecurityStampVerified(user, context);
}

/// <summary>Identity's sign-in manager, refusing accounts an administrator has disabled.</summary>
public sealed class PersonSignInManager(
    UserManager<PersonRow> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PersonRow> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PersonRow>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PersonRow> confirmation)
    : SignInManager<PersonRow>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PersonRow user) => user.DisabledUtc is null && await base.CanSignInAsync(user);
}

/// <summary>
/// Wrong passwords counted per address with the framework's rate limiter: after <see cref="Accounts.FailuresPerAddress"/>
/// in <see cref="Accounts.FailureWindow"/>, sign-in from that address is refused (429) while everyone else signs in as usual.
/// Only failures take a permit, so an office of people signing in behind one address is not held up.
/// </summary>
public sealed class SignInFailures : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Accounts.FailuresPerAddress,
            Window = Accounts.FailureWindow,
            QueueLimit = 0,
        }));

    /// <summary>Whether the address has used up its wrong passwords.</summary>
    public bool IsBlocked(string address) => _limiter.GetStatistics(address)?.CurrentAvailablePermits == 0;

    /// <summary>Counts one wrong password from the address.</summary>
    public void Record(string address)
    {
        using var _ = _limiter.AttemptAcquire(address);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>The <c>Authorization: Bearer gt_…</c> header of API calls: a personal access token (docs/accounts.md#tokens).</summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PeopleStore people, UserManager<PersonRow> users, IUserClaimsPrincipalFactory<PersonRow> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (await people.PersonOfTokenAsync(token, Context.RequestAborted) is not { } personId
            || await users.FindByIdAsync(personId) is not { DisabledUtc: null } person)
        {
            return AuthenticateResult.Fail("The access token is unknown, expired or revoked.");
        }

        var principal = await principals.CreateAsync(person);
        var identity = new ClaimsIdentity(principal.Claims, Schemes.AccessToken);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Schemes.AccessToken));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
