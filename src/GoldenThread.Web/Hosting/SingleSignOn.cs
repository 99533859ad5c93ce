using System.Security.Claims;
using GoldenThread.Store;
using GoldenThread.Web.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GoldenThread.Web.Hosting;

/// <summary>One rule of single sign-on: people whose role claim has <see cref="Claim"/> get <see cref="Role"/> in <see cref="Workspace"/>.</summary>
public sealed class SingleSignOnRole
{
    /// <summary>The claim's value: for Microsoft Entra ID's <c>groups</c> claim, a security group's object id.</summary>
    public string Claim { get; set; } = "";

    /// <summary>The workspace; null (with role administrator) for the installation's administrators.</summary>
    public string? Workspace { get; set; }

    /// <summary>A role key: administrator, performance-officer, contributor or viewer.</summary>
    public string Role { get; set; } = "";
}

/// <summary>
/// Single sign-on with the council's identity provider over OpenID Connect (section <c>GoldenThread:SingleSignOn</c>);
/// on only when <see cref="Authority"/> is set. See docs/accounts.md#single-sign-on.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = GoldenThreadOptions.Section + ":SingleSignOn";

    /// <summary>The authentication scheme's name, and the provider name of the logins it links to people.</summary>
    public const string Scheme = "oidc";

    public const string DefaultDisplayName = "Sign in with your council account";

    /// <summary>The identity provider, e.g. <c>https://login.microsoftonline.com/{tenant-id}/v2.0</c>; empty turns single sign-on off.</summary>
    public string? Authority { get; set; }

    /// <summary>The application (client) id the provider gave this installation.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret: from an environment variable or secret store, never in a committed appsettings file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The words on the sign-in button.</summary>
    public string DisplayName { get; set; } = DefaultDisplayName;

    /// <summary>Where the provider sends people back to (the redirect URI registered with it is this site's address plus this path).</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>The claim whose values <see cref="Roles"/> match: <c>groups</c> for Entra security groups, <c>roles</c> for app roles.</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>Which claim values give which role in which workspace.</summary>
    public List<SingleSignOnRole> Roles { get; set; } = [];

    /// <summary>Whether people may also sign in with an email address and password; when false the password form is gone.</summary>
    public bool AllowLocalAccounts { get; set; } = true;

    /// <summary>Ask the provider's userinfo endpoint for further claims (not needed for Entra, whose ID token carries the groups).</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>The settings' problems, each naming the setting, so that the application refuses to start with a clear message.</summary>
public sealed class SingleSignOnOptionsValidator(IHostEnvironment environment) : IValidateOptions<SingleSignOnOptions>
{
    public ValidateOptionsResult Validate(string? name, SingleSignOnOptions options)
    {
        var problems = Problems(options, environment.IsDevelopment()).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> Problems(SingleSignOnOptions o, bool development)
    {
        const string s = SingleSignOnOptions.Section;
        if (!o.Enabled)
        {
            if (!o.AllowLocalAccounts)
            {
                yield return $"{s}:AllowLocalAccounts is false but {s}:Authority is not set: nobody could sign in. Set the Authority, or allow local accounts.";
            }

            yield break;
        }

        if (!Uri.TryCreate(o.Authority!.Trim(), UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"{s}:Authority '{o.Authority}' is not a web address; expected e.g. https://login.microsoftonline.com/{{tenant-id}}/v2.0.";
        }
        else
        {
            if (authority.Scheme != Uri.UriSchemeHttps && !development)
            {
                yield return $"{s}:Authority '{o.Authority}' must use https (plain http is accepted only in Development).";
            }

            // Entra's shared authorities accept accounts of any organisation (or personal ones): the council's own tenant only.
            var first = authority.AbsolutePath.Trim('/').Split('/')[0];
            if (authority.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase)
                && (first.Length == 0 || first is "common" or "organizations" or "consumers"))
            {
                yield return $"{s}:Authority '{o.Authority}' must name the council's tenant (https://login.microsoftonline.com/{{tenant-id}}/v2.0), not 'common', 'organizations' or 'consumers'.";
            }
        }

        if (string.IsNullOrWhiteSpace(o.ClientId))
        {
            yield return $"{s}:ClientId is required when {s}:Authority is set: the application (client) id from the identity provider.";
        }

        if (string.IsNullOrWhiteSpace(o.RoleClaim))
        {
            yield return $"{s}:RoleClaim is empty: name the claim the Roles match (groups for Entra security groups).";
        }

        if (string.IsNullOrWhiteSpace(o.CallbackPath) || !o.CallbackPath.StartsWith('/'))
        {
            yield return $"{s}:CallbackPath '{o.CallbackPath}' must be a path on this site starting with / (default /signin-oidc).";
        }

        for (var i = 0; i < o.Roles.Count; i++)
        {
            var rule = o.Roles[i];
            var at = $"{s}:Roles:{i}";
            if (string.IsNullOrWhiteSpace(rule.Claim))
            {
                yield return $"{at}:Claim is empty: give the value of the {o.RoleClaim} claim (for Entra, the group's object id).";
            }

            if (!WorkspaceRoles.TryParse(rule.Role, out var role))
            {
                yield return $"{at}:Role '{rule.Role}' is not a role; expected one of {WorkspaceRoles.Keys}.";
            }
            else if (string.IsNullOrWhiteSpace(rule.Workspace) && role != WorkspaceRole.Administrator)
            {
                yield return $"{at}:Workspace is required for role '{WorkspaceRoles.Key(role)}': only administrator may be given for the whole installation.";
            }
        }
    }
}

/// <summary>The roles single sign-on gives a person.</summary>
/// <param name="InstallationAdministrator">Whether a rule without a workspace matched.</param>
/// <param name="Workspaces">The role in each workspace a rule matched (the highest where several did).</param>
public sealed record SingleSignOnGrant(bool InstallationAdministrator, IReadOnlyDictionary<string, WorkspaceRole> Workspaces)
{
    public bool Any => InstallationAdministrator || Workspaces.Count > 0;

    /// <summary>Only the workspaces that exist (a rule may name one not yet imported).</summary>
    public SingleSignOnGrant Within(IReadOnlySet<string> workspaces) =>
        this with { Workspaces = Workspaces.Where(w => workspaces.Contains(w.Key)).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal) };
}

/// <summary>From the provider's claims to GoldenThread's roles: a pure function of the claims and the rules.</summary>
public static class SingleSignOnRoles
{
    public static SingleSignOnGrant From(IEnumerable<Claim> claims, SingleSignOnOptions options)
    {
        var values = claims.Where(c => c.Type == options.RoleClaim).Select(c => c.Value.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var administrator = false;
        var workspaces = new Dictionary<string, WorkspaceRole>(StringComparer.Ordinal);
        foreach (var rule in options.Roles)
        {
            if (!values.Contains(rule.Claim.Trim()) || !WorkspaceRoles.TryParse(rule.Role, out var role))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Workspace))
            {
                administrator |= role == WorkspaceRole.Administrator;
            }
            else if (!workspaces.TryGetValue(rule.Workspace.Trim(), out var had) || role > had)
            {
                workspaces[rule.Workspace.Trim()] = role;
            }
        }

        return new SingleSignOnGrant(administrator, workspaces);
    }

    /// <summary>The workspaces the rules speak for: there the provider's groups decide; elsewhere roles given in the browser stay.</summary>
    public static IReadOnlySet<string> Mentioned(SingleSignOnOptions options) =>
        options.Roles.Where(r => !string.IsNullOrWhiteSpace(r.Workspace)).Select(r => r.Workspace!.Trim()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether any rule gives the installation's administration (then the provider decides it; otherwise it is left as set by hand).</summary>
    public static bool MentionsInstallationAdministrator(SingleSignOnOptions options) =>
        options.Roles.Any(r => string.IsNullOrWhiteSpace(r.Workspace) && WorkspaceRoles.TryParse(r.Role, out var role) && role == WorkspaceRole.Administrator);
}

public static class SingleSignOn
{
    /// <summary>The claim a login is keyed on: Entra's object id where there is one (the same for every application), else the subject.</summary>
    public static string? ProviderKey(ClaimsPrincipal principal) =>
        principal.FindFirstValue("oid") is { Length: > 0 } oid ? oid : principal.FindFirstValue("sub");

    /// <summary>Registers the OpenID Connect scheme when <c>GoldenThread:SingleSignOn:Authority</c> is set.</summary>
    public static WebApplicationBuilder AddSingleSignOn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SingleSignOnOptions.Section);
        builder.Services.AddOptions<SingleSignOnOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SingleSignOnOptions>, SingleSignOnOptionsValidator>();
        var sso = section.Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        if (!sso.Enabled)
        {
            return builder;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(SingleSignOnOptions.Scheme, sso.DisplayName, o =>
        {
            o.Authority = sso.Authority!.Trim();
            o.ClientId = sso.ClientId;
            o.ClientSecret = string.IsNullOrWhiteSpace(sso.ClientSecret) ? null : sso.ClientSecret;
            o.CallbackPath = sso.CallbackPath;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = sso.GetClaimsFromUserInfoEndpoint;
            o.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
            o.TokenValidationParameters.NameClaimType = "name";
            o.TokenValidationParameters.RoleClaimType = sso.RoleClaim;
            o.CorrelationCookie.HttpOnly = true;
            o.NonceCookie.HttpOnly = true;
            o.Events.OnTokenValidated = ctx =>
            {
                // Identity's external login reads the provider's key from NameIdentifier, which MapInboundClaims=false leaves out.
                if (ctx.Principal?.Identity is ClaimsIdentity identity && ProviderKey(ctx.Principal) is { } key && identity.FindFirst(ClaimTypes.NameIdentifier) is null)
                {
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, key));
                }

                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = async ctx =>
            {
                // The person cancelled at the provider, or it refused them, or its answer was not right: a page, not a 500.
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
                    .LogWarning(ctx.Failure, "Single sign-on did not finish");
                ctx.HandleResponse();
                await Pages.Error(StatusCodes.Status400BadRequest, "Signing in with your council account did not finish",
                    "Your council's sign-in service did not confirm who you are. Go back to the sign-in page and try again; if it keeps happening, ask the performance team.")
                    .ExecuteAsync(ctx.HttpContext);
            };
        });
        return builder;
    }
}
