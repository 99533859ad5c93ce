using System.Security.Claims;
using GoldenThread.Store;
using GoldenThread.Store.Accounts;
using GoldenThread.Store.Entities;
using GoldenThread.Web.Components;
using GoldenThread.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GoldenThread.Web.Features;

/// <summary>
/// <c>/sign-in/sso</c> sends the person to the council's identity provider; <c>/sign-in/sso/done</c> is where they come
/// back (after the OpenID Connect handler has checked the provider's answer at the callback path): it finds or creates
/// their account, brings their roles into line with the provider's groups, and signs them in.
/// </summary>
public static class SingleSignOnPages
{
    public const string NoRole = "Your account is not given a role in GoldenThread. Ask the performance team to add you to the right group.";

    public const string Disabled = "Your account has been disabled. Ask an administrator of GoldenThread if you need it again.";

    public static IEndpointRouteBuilder MapSingleSignOnPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/sign-in/sso").ExcludeFromDescription().Public();
        pages.MapGet("", Challenge);
        pages.MapGet("/done", Done);
        return app;
    }

    public static IResult Challenge([FromQuery] string? returnUrl, IOptions<SingleSignOnOptions> options, SignInManager<PersonRow> signIn)
    {
        if (!options.Value.Enabled)
        {
            return Results.NotFound();
        }

        var back = Accounts.ReturnTarget(returnUrl);
        var properties = signIn.ConfigureExternalAuthenticationProperties(SingleSignOnOptions.Scheme, "/sign-in/sso/done?returnUrl=" + Uri.EscapeDataString(back));
        return TypedResults.Challenge(properties, [SingleSignOnOptions.Scheme]);
    }

    public static async Task<IResult> Done(
        [FromQuery] string? returnUrl, IOptions<SingleSignOnOptions> options, SignInManager<PersonRow> signIn, PeopleStore people,
        WorkspaceStore workspaces, TimeProvider clock, ILoggerFactory loggers, HttpContext http)
    {
        var sso = options.Value;
        if (!sso.Enabled)
        {
            return Results.NotFound();
        }

        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || info.LoginProvider != SingleSignOnOptions.Scheme)
        {
            // Not come back from the provider (or its cookie lapsed): start again.
            return TypedResults.Redirect("/sign-in");
        }

        // The provider's answer has done its work once read; it is not kept beside the session.
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        var log = loggers.CreateLogger(typeof(SingleSignOnPages));
        var users = signIn.UserManager;
        var known = (await workspaces.ListAsync(http.RequestAborted)).Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var grant = SingleSignOnRoles.From(info.Principal.Claims, sso).Within(known);

        var person = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (person is null)
        {
            var email = new[] { "email", "preferred_username", "upn" }.Select(c => info.Principal.FindFirstValue(c))
                .FirstOrDefault(e => !string.IsNullOrWhiteSpace(e) && !PersonAccounts.Problems(e, null).Any())?.Trim();
            if (email is null)
            {
                return Pages.Error(StatusCodes.Status403Forbidden, "You cannot sign in yet",
                    "Your council account did not give GoldenThread an email address. Ask your IT team to include the email claim.");
            }

            person = await users.FindByEmailAsync(email);
            if (person is null)
            {
                if (!grant.Any)
                {
                    log.LogInformation("Single sign-on refused {Email}: no group gives a role", email);
                    return Pages.Error(StatusCodes.Status403Forbidden, "You cannot sign in yet", NoRole);
                }

                var name = info.Principal.FindFirstValue("name");
                var (created, errors) = await PersonAccounts.CreateAsync(users, clock, email, PersonAccounts.Problems(email, name).Any() ? null : name, password: null);
                if (created is null)
                {
                    log.LogWarning("Single sign-on could not create an account for {Email}: {Errors}", email, string.Join("; ", errors));
                    return Pages.Error(StatusCodes.Status403Forbidden, "You cannot sign in yet", "An account could not be made for you: " + string.Join("; ", errors) + ".");
                }

                person = created;
            }

            if (person.DisabledUtc is not null)
            {
                return Pages.Error(StatusCodes.Status403Forbidden, "You cannot sign in", Disabled);
            }

            var linked = await users.AddLoginAsync(person, new UserLoginInfo(info.LoginProvider, info.ProviderKey, sso.DisplayName));
            if (!linked.Succeeded)
            {
                log.LogWarning("Single sign-on could not link {Email}: {Errors}", email, string.Join("; ", linked.Errors.Select(e => e.Description)));
                return Pages.Error(StatusCodes.Status403Forbidden, "You cannot sign in yet", "Your council account could not be linked to your GoldenThread account. Ask an administrator.");
            }
        }

        if (person.DisabledUtc is not null)
        {
            return Pages.Error(StatusCodes.Status403Forbidden, "You cannot sign in", Disabled);
        }

        await SyncAsync(person, grant, SingleSignOnRoles.Mentioned(sso).Where(known.Contains), sso, users, people, http.RequestAborted);
        if (!person.IsInstallationAdministrator && (await people.RolesAsync(person.Id, http.RequestAborted)).Count == 0)
        {
            return Pages.Error(StatusCodes.Status403Forbidden, "You cannot sign in yet", NoRole);
        }

        var back = Accounts.ReturnTarget(returnUrl);
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.Succeeded)
        {
            return TypedResults.Redirect(back);
        }

        if (result.RequiresTwoFactor)
        {
            return TypedResults.Redirect("/sign-in/two-factor?returnUrl=" + Uri.EscapeDataString(back));
        }

        return Pages.Error(StatusCodes.Status403Forbidden, "You cannot sign in", result.IsLockedOut ? SignInPages.LockedOut + "." : Disabled);
    }

    /// <summary>
    /// Brings the person's roles into line with the provider's groups: in each workspace a rule names, the role the groups
    /// give (or none); in other workspaces, what was given in the browser stays. The installation's administration likewise,
    /// where a rule gives it.
    /// </summary>
    private static async Task SyncAsync(
        PersonRow person, SingleSignOnGrant grant, IEnumerable<string> mentioned, SingleSignOnOptions sso, UserManager<PersonRow> users, PeopleStore people, CancellationToken ct)
    {
        var had = await people.RolesAsync(person.Id, ct);
        foreach (var ws in mentioned)
        {
            var has = had.TryGetValue(ws, out var r) ? r : (WorkspaceRole?)null;
            var should = grant.Workspaces.TryGetValue(ws, out var g) ? g : (WorkspaceRole?)null;
            if (has == should)
            {
                continue;
            }

            if (should is { } role)
            {
                await people.SetRoleAsync(ws, person.Id, role, ct);
            }
            else
            {
                await people.RemoveAsync(ws, person.Id, ct);
            }
        }

        if (SingleSignOnRoles.MentionsInstallationAdministrator(sso) && person.IsInstallationAdministrator != grant.InstallationAdministrator)
        {
            person.IsInstallationAdministrator = grant.InstallationAdministrator;
            await users.UpdateAsync(person);
        }
    }
}
