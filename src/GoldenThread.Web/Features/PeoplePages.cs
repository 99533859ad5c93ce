using GoldenThread.Store;
using GoldenThread.Store.Accounts;
using GoldenThread.Store.Entities;
using GoldenThread.Views.Govuk;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.People;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Web.Features;

/// <summary>The invitation form's fields, as typed (written back after a refusal).</summary>
public sealed record InviteInput(string? Email, string? Name, string? Role);

/// <summary>A person's line on the installation's list: their account and their role in each workspace.</summary>
public sealed record InstallationPerson(PersonRow Person, IReadOnlyList<(WorkspaceInfo Workspace, WorkspaceRole Role)> Roles, bool LockedOut);

/// <summary>
/// People and settings in the browser: a workspace's administrators invite people, change their roles, assign measures
/// and actions to contributors, and disable accounts; installation administrators see every account; an invited person
/// sets their password from the link they were sent (docs/accounts.md).
/// </summary>
public static class PeoplePages
{
    /// <summary>Identity's ids are GUIDs; anything much longer is not an id anyone was given.</summary>
    public const int MaxPersonIdLength = 64;

    /// <summary>A reset token is a few hundred characters; longer is refused before it is decoded.</summary>
    private const int MaxTokenLength = 2000;

    public const string LinkExpired = "This link has expired or has already been used. Ask your administrator for a new one.";

    public const string PasswordSetNotice = "password-set";

    public static IEndpointRouteBuilder MapPeoplePages(this IEndpointRouteBuilder app)
    {
        var ws = app.MapGroup("/w/{ws}").ExcludeFromDescription().Requires(Permission.Administer);
        ws.MapGet("/people", WorkspacePeople);
        ws.MapPost("/people", Invite).RequireRateLimiting(Accounts.SignInLimit);
        ws.MapGet("/people/{personId}", Person);
        ws.MapPost("/people/{personId}/role", ChangeRole);
        ws.MapPost("/people/{personId}/assignments", Assign);
        ws.MapPost("/people/{personId}/remove", Remove);
        ws.MapPost("/people/{personId}/set-password-link", NewLink).RequireRateLimiting(Accounts.SignInLimit);
        ws.MapPost("/people/{personId}/disable", (string ws, string personId, IFormCollection form, [AsParameters] Services s, CancellationToken ct) => SetDisabled(ws, personId, true, s, ct));
        ws.MapPost("/people/{personId}/enable", (string ws, string personId, IFormCollection form, [AsParameters] Services s, CancellationToken ct) => SetDisabled(ws, personId, false, s, ct));
        ws.MapPost("/people/{personId}/unlock", Unlock);
        ws.MapGet("/settings", Settings);
        ws.MapPost("/settings", SaveSettings);

        var installation = app.MapGroup("/people").ExcludeFromDescription().RequireAuthorization(Policies.InstallationAdministrator);
        installation.MapGet("", Everyone);
        installation.MapPost("/{personId}/disable", (string personId, IFormCollection form, [AsParameters] Services s, CancellationToken ct) => InstallationSetDisabled(personId, true, s, ct));
        installation.MapPost("/{personId}/enable", (string personId, IFormCollection form, [AsParameters] Services s, CancellationToken ct) => InstallationSetDisabled(personId, false, s, ct));
        installation.MapPost("/{personId}/installation-administrator", SetInstallationAdministrator);

        var account = app.MapGroup("/account").ExcludeFromDescription().Public();
        account.MapGet("/set-password", SetPasswordForm);
        account.MapPost("/set-password", SetPassword).RequireRateLimiting(Accounts.SignInLimit);
        return app;
    }

    /// <summary>The services every people endpoint uses, in one parameter.</summary>
    public sealed class Services(WorkspaceService workspaces, WorkspaceStore store, UserManager<PersonRow> users, PeopleStore people, CurrentPerson current, GoldenThreadDbContext db, HttpContext http)
    {
        public WorkspaceService Workspaces => workspaces;
        public WorkspaceStore Store => store;
        public UserManager<PersonRow> Users => users;
        public PeopleStore People => people;
        public CurrentPerson Current => current;
        public GoldenThreadDbContext Db => db;
        public HttpContext Http => http;
    }

    // ---- A workspace's people ----

    public static async Task<IResult> WorkspacePeople(string ws, [FromQuery] string? done, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var message = done == "removed" ? "The person no longer has a role in this plan." : null;
        return await PeopleList(w, s, new InviteInput(null, null, null), [], message, StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> PeopleList(WorkspaceData w, [AsParameters] Services s, InviteInput input, IReadOnlyList<FieldError> errors, string? done, int status, CancellationToken ct) =>
        Pages.Render<PeoplePage>(new
        {
            Data = w,
            Members = await s.People.MembersAsync(w.Info.Id, ct),
            Input = input,
            Errors = errors,
            Done = done,
        }, errors.Count > 0 ? StatusCodes.Status400BadRequest : status);

    public static async Task<IResult> Invite(string ws, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var input = new InviteInput(form["email"].ToString(), form["name"].ToString(), form["role"].ToString());
        var errors = new List<FieldError>();
        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(new("email", "Enter their email address"));
        }
        else if (PersonAccounts.Problems(email, null).Any())
        {
            errors.Add(new("email", $"Enter an email address like name@council.gov.uk, of at most {PersonAccounts.EmailLength} characters"));
        }

        if ((input.Name ?? "").Trim().Length > CommentaryLimits.AuthorLength)
        {
            errors.Add(new("name", $"The name must be {CommentaryLimits.AuthorLength} characters or fewer"));
        }

        if (!WorkspaceRoles.TryParse(input.Role, out var role) || string.IsNullOrWhiteSpace(input.Role))
        {
            errors.Add(new("role", "Choose what they may do in this plan"));
        }

        if (errors.Count > 0)
        {
            return await PeopleList(w, s, input, errors, null, StatusCodes.Status400BadRequest, ct);
        }

        var existing = await s.Users.FindByEmailAsync(email);
        if (existing is not null)
        {
            var roles = await s.People.RolesAsync(existing.Id, ct);
            if (existing.Id == (await s.Current.PersonAsync(ct))?.Id && roles.TryGetValue(w.Info.Id, out var own) && own != role)
            {
                return await PeopleList(w, s, input, [new("email", SelfMessage)], null, StatusCodes.Status400BadRequest, ct);
            }

            await s.People.SetRoleAsync(w.Info.Id, existing.Id, role, ct);
            return TypedResults.Redirect(PersonPath(w, existing.Id, "invited"));
        }

        var (person, problems) = await PersonAccounts.CreateAsync(s.Users, TimeProvider.System, email, string.IsNullOrWhiteSpace(input.Name) ? null : input.Name, null);
        if (person is null)
        {
            return await PeopleList(w, s, input, problems.Select(p => new FieldError("email", Capitalise(p))).ToList(), null, StatusCodes.Status400BadRequest, ct);
        }

        await s.People.SetRoleAsync(w.Info.Id, person.Id, role, ct);
        return await LinkPage(w, person, invited: true, role, s);
    }

    /// <summary>
    /// The set-password link, shown once in the answer to the POST itself (not kept anywhere, so not after a redirect)
    /// and never stored by the browser's or a proxy's cache.
    /// </summary>
    private static async Task<IResult> LinkPage(WorkspaceData? w, PersonRow person, bool invited, WorkspaceRole? role, [AsParameters] Services s)
    {
        var token = await s.Users.GeneratePasswordResetTokenAsync(person);
        var request = s.Http.Request;
        var link = $"{request.Scheme}://{request.Host}/account/set-password?person={Uri.EscapeDataString(person.Id)}&token={Uri.EscapeDataString(token)}";
        s.Http.Response.Headers.CacheControl = "no-store";
        return Pages.Render<SetPasswordLinkPage>(new { Data = w, Person = person, Invited = invited, Role = role, Link = link });
    }

    // ---- One person in a workspace ----

    /// <summary>The workspace and the person, when the person has a role in it; otherwise the error page.</summary>
    private static async Task<(WorkspaceData? W, PersonRow? Person, WorkspaceRole Role, IResult? Error)> FindMember(string ws, string personId, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return (null, null, default, Lookups.NoWorkspace(ws));
        }

        if (personId.Length > MaxPersonIdLength)
        {
            return (w, null, default, Lookups.BadRequest(w, $"A person's id in the address is at most {MaxPersonIdLength} characters; this one is {personId.Length}."));
        }

        // Someone without a role here is not found here, whatever they are elsewhere: one workspace never reaches into another.
        var roles = await s.People.RolesAsync(personId, ct);
        if (!roles.TryGetValue(w.Info.Id, out var role) || await s.Users.FindByIdAsync(personId) is not { } person)
        {
            return (w, null, default, Pages.Error(StatusCodes.Status404NotFound, "Page not found", "There is no such person in this plan. They may have been removed from it.", w.Info));
        }

        return (w, person, role, null);
    }

    public static async Task<IResult> Person(string ws, string personId, [FromQuery] string? done, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, person, role, error) = await FindMember(ws, personId, s, ct);
        return error ?? await PersonPage(w!, person!, role, s, [], Done(done), null, ct);
    }

    private static async Task<IResult> PersonPage(WorkspaceData w, PersonRow person, WorkspaceRole role, [AsParameters] Services s, IReadOnlyList<FieldError> errors, string? done, int? status, CancellationToken ct)
    {
        var acting = await s.Current.PersonAsync(ct);
        var assigned = await s.People.AssignmentsAsync(w.Info.Id, person.Id, ct);
        var (namedMeasures, namedActions) = Ownership.Of(w.Plan, person.DisplayName, person.Email, []);
        return Pages.Render<PersonPage>(new
        {
            Data = w,
            Person = person,
            Role = role,
            IsSelf = acting?.Id == person.Id,
            ManagesAccount = await ManagesAccountAsync(person, s, ct),
            LockedOut = await s.Users.IsLockedOutAsync(person),
            HasPassword = await s.Users.HasPasswordAsync(person),
            AssignedMeasures = assigned.Where(a => a.Kind == Ownership.Measure).Select(a => a.ItemId).ToList(),
            AssignedActions = assigned.Where(a => a.Kind == Ownership.Action).Select(a => a.ItemId).ToList(),
            NamedMeasures = namedMeasures,
            NamedActions = namedActions,
            Errors = errors,
            Done = done,
        }, status ?? (errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK));
    }

    private const string SelfMessage = "You cannot change your own role, remove yourself or disable your own account. Ask another administrator, so that the plan is never left without one by accident";

    private static string? Done(string? key) => key switch
    {
        "invited" => "They have an account already, so they can sign in as usual: they now have the role below in this plan.",
        "role" => "Their role is changed. It applies from their next page.",
        "assigned" => "Their measures and actions are saved.",
        "disabled" => "The account is disabled: they were signed out everywhere, and their access tokens are revoked.",
        "enabled" => "The account is enabled again. They can sign in with their password.",
        "unlocked" => "The account is unlocked. They can try their password again now.",
        _ => null,
    };

    private static string PersonPath(WorkspaceData w, string personId, string done) =>
        w.WsPath("/people/" + Uri.EscapeDataString(personId) + "?done=" + done);

    public static async Task<IResult> ChangeRole(string ws, string personId, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, person, role, error) = await FindMember(ws, personId, s, ct);
        if (error is not null)
        {
            return error;
        }

        if (!WorkspaceRoles.TryParse(form["role"].ToString(), out var chosen) || string.IsNullOrWhiteSpace(form["role"]))
        {
            return await PersonPage(w!, person!, role, s, [new("role", "Choose what they may do in this plan")], null, null, ct);
        }

        if (await IsSelf(person!, s, ct) && chosen != role)
        {
            return await PersonPage(w!, person!, role, s, [new("role", SelfMessage)], null, null, ct);
        }

        await s.People.SetRoleAsync(w!.Info.Id, person!.Id, chosen, ct);
        return TypedResults.Redirect(PersonPath(w, person.Id, "role"));
    }

    public static async Task<IResult> Assign(string ws, string personId, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, person, role, error) = await FindMember(ws, personId, s, ct);
        if (error is not null)
        {
            return error;
        }

        var measures = form["measures"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        var actions = form["actions"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        var knownActions = w!.Plan.Themes.SelectMany(t => t.Actions.Concat(t.Outcomes.SelectMany(o => o.Actions))).Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = measures.Where(m => w.Plan.FindMeasure(m) is null).Concat(actions.Where(a => !knownActions.Contains(a))).ToList();
        if (unknown.Count > 0)
        {
            var shown = string.Join(", ", unknown.Take(3).Select(u => u.Length > 40 ? u[..37] + "..." : u));
            return await PersonPage(w, person!, role, s, [new("measures", $"This plan has no measure or action {shown}. Reload the page and try again")], null, null, ct);
        }

        // Stored with the plan's own spelling of each id, so that matching them later is exact.
        await s.People.SetAssignmentsAsync(w.Info.Id, person!.Id,
            measures.Select(m => w.Plan.FindMeasure(m)!.Id), actions.Select(a => knownActions.First(k => string.Equals(k, a, StringComparison.OrdinalIgnoreCase))), ct);
        return TypedResults.Redirect(PersonPath(w, person.Id, "assigned"));
    }

    public static async Task<IResult> Remove(string ws, string personId, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, person, role, error) = await FindMember(ws, personId, s, ct);
        if (error is not null)
        {
            return error;
        }

        if (await IsSelf(person!, s, ct))
        {
            return await PersonPage(w!, person!, role, s, [new("role", SelfMessage)], null, null, ct);
        }

        await s.People.RemoveAsync(w!.Info.Id, person!.Id, ct);
        return TypedResults.Redirect(w.WsPath("/people?done=removed"));
    }

    public static async Task<IResult> NewLink(string ws, string personId, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, person, role, error) = await FindMember(ws, personId, s, ct);
        if (error is not null)
        {
            return error;
        }

        if (!await ManagesAccountAsync(person!, s, ct))
        {
            return NotYourAccount(w!);
        }

        return await LinkPage(w, person!, invited: false, role, s);
    }

    public static async Task<IResult> SetDisabled(string ws, string personId, bool disable, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, person, role, error) = await FindMember(ws, personId, s, ct);
        if (error is not null)
        {
            return error;
        }

        if (disable && await IsSelf(person!, s, ct))
        {
            return await PersonPage(w!, person!, role, s, [new("role", SelfMessage)], null, null, ct);
        }

        if (!await ManagesAccountAsync(person!, s, ct))
        {
            return NotYourAccount(w!);
        }

        await SetDisabledAsync(person!, disable, s, ct);
        return TypedResults.Redirect(PersonPath(w!, person!.Id, disable ? "disabled" : "enabled"));
    }

    public static async Task<IResult> Unlock(string ws, string personId, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (w, person, _, error) = await FindMember(ws, personId, s, ct);
        if (error is not null)
        {
            return error;
        }

        if (!await ManagesAccountAsync(person!, s, ct))
        {
            return NotYourAccount(w!);
        }

        await s.Users.SetLockoutEndDateAsync(person!, null);
        await s.Users.ResetAccessFailedCountAsync(person!);
        return TypedResults.Redirect(PersonPath(w!, person!.Id, "unlocked"));
    }

    private static async Task<bool> IsSelf(PersonRow person, [AsParameters] Services s, CancellationToken ct) => (await s.Current.PersonAsync(ct))?.Id == person.Id;

    /// <summary>
    /// Whether the acting person may disable, unlock or send a set-password link to an account: an installation
    /// administrator may; a workspace's administrator only when they administer every workspace the person has a role
    /// in (and the person does not administer the installation), so that no one gains a way into a workspace they do
    /// not administer.
    /// </summary>
    private static async Task<bool> ManagesAccountAsync(PersonRow person, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Current.IsInstallationAdministratorAsync(ct))
        {
            return true;
        }

        if (person.IsInstallationAdministrator)
        {
            return false;
        }

        foreach (var ws in (await s.People.RolesAsync(person.Id, ct)).Keys)
        {
            if (await s.Current.RoleAsync(ws, ct) != WorkspaceRole.Administrator)
            {
                return false;
            }
        }

        return true;
    }

    private static IResult NotYourAccount(WorkspaceData w) =>
        Pages.Error(StatusCodes.Status403Forbidden, "You cannot do this",
            "This person also has a role in a plan you do not administer, or administers the whole installation. Ask an installation administrator.", w.Info);

    private static async Task SetDisabledAsync(PersonRow person, bool disable, [AsParameters] Services s, CancellationToken ct)
    {
        if (disable)
        {
            person.DisabledUtc ??= DateTimeOffset.UtcNow;
            await s.Users.UpdateAsync(person);

            // A new security stamp ends every session at its next request (the stamp is checked on each one).
            await s.Users.UpdateSecurityStampAsync(person);
            await s.People.RevokeAllTokensAsync(person.Id, ct);
        }
        else
        {
            person.DisabledUtc = null;
            await s.Users.UpdateAsync(person);
        }
    }

    // ---- Settings ----

    public static async Task<IResult> Settings(string ws, [FromQuery] string? done, [AsParameters] Services s, CancellationToken ct) =>
        await s.Workspaces.GetAsync(ws, ct) is { } w
            ? Pages.Render<SettingsPage>(new { Data = w, Done = done == "saved", Errors = Array.Empty<FieldError>() })
            : Lookups.NoWorkspace(ws);

    public static async Task<IResult> SaveSettings(string ws, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var answer = form["dashboardPublic"].ToString();
        if (answer is not ("yes" or "no"))
        {
            return Pages.Render<SettingsPage>(new { Data = w, Done = false, Errors = new[] { new FieldError("dashboardPublic", "Choose whether visitors who are not signed in see the dashboard") } },
                StatusCodes.Status400BadRequest);
        }

        await s.Store.SetDashboardPublicAsync(w.Info.Id, answer == "yes", ct);
        return TypedResults.Redirect(w.WsPath("/settings?done=saved"));
    }

    // ---- Everyone in the installation ----

    public static async Task<IResult> Everyone([FromQuery] string? done, [FromQuery] string? person, [AsParameters] Services s, CancellationToken ct)
    {
        var workspaces = (await s.Workspaces.ListAsync(ct)).ToDictionary(w => w.Id, StringComparer.Ordinal);
        var memberships = await s.Db.Memberships.AsNoTracking().ToListAsync(ct);
        var accounts = await s.Users.Users.AsNoTracking().ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var list = accounts
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .Select(p => new InstallationPerson(p,
                memberships.Where(m => m.PersonId == p.Id && workspaces.ContainsKey(m.WorkspaceId) && WorkspaceRoles.TryParse(m.Role, out _))
                    .Select(m => { WorkspaceRoles.TryParse(m.Role, out var r); return (workspaces[m.WorkspaceId], r); })
                    .OrderBy(x => x.Item1.Title, StringComparer.CurrentCultureIgnoreCase).ToList(),
                p.LockoutEnd is { } end && end > now))
            .ToList();
        var named = person is { Length: <= MaxPersonIdLength } ? accounts.FirstOrDefault(a => a.Id == person) : null;
        var who = named is null ? "The account" : $"The account of {named.DisplayName}";
        var message = done switch
        {
            "disabled" => $"{who} is disabled: they were signed out everywhere, and their access tokens are revoked.",
            "enabled" => $"{who} is enabled again.",
            "made-administrator" => $"{who} now administers the whole installation.",
            "not-administrator" => $"{who} no longer administers the whole installation.",
            _ => null,
        };
        return Pages.Render<InstallationPeoplePage>(new { People = list, ActingId = (await s.Current.PersonAsync(ct))?.Id, Done = message });
    }

    private static async Task<(PersonRow? Person, IResult? Error)> FindAccount(string personId, [AsParameters] Services s)
    {
        if (personId.Length > MaxPersonIdLength)
        {
            return (null, Lookups.BadRequest(null, $"A person's id in the address is at most {MaxPersonIdLength} characters; this one is {personId.Length}."));
        }

        return await s.Users.FindByIdAsync(personId) is { } person
            ? (person, null)
            : (null, Pages.Error(StatusCodes.Status404NotFound, "Page not found", "There is no such person. Their account may have been deleted."));
    }

    public static async Task<IResult> InstallationSetDisabled(string personId, bool disable, [AsParameters] Services s, CancellationToken ct)
    {
        var (person, error) = await FindAccount(personId, s);
        if (error is not null)
        {
            return error;
        }

        if (disable && await IsSelf(person!, s, ct))
        {
            return Pages.Error(StatusCodes.Status400BadRequest, "You cannot disable your own account",
                "Ask another installation administrator, so that the installation is never left without one by accident.");
        }

        await SetDisabledAsync(person!, disable, s, ct);
        return TypedResults.Redirect($"/people?done={(disable ? "disabled" : "enabled")}&person={Uri.EscapeDataString(person!.Id)}");
    }

    public static async Task<IResult> SetInstallationAdministrator(string personId, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        var (person, error) = await FindAccount(personId, s);
        if (error is not null)
        {
            return error;
        }

        var answer = form["administrator"].ToString();
        if (answer is not ("yes" or "no"))
        {
            return Pages.Error(StatusCodes.Status400BadRequest, "There is a problem with the request", "The form did not say whether they administer the installation. Go back, reload the page and try again.");
        }

        if (await IsSelf(person!, s, ct))
        {
            return Pages.Error(StatusCodes.Status400BadRequest, "You cannot change your own access",
                "Ask another installation administrator, so that the installation is never left without one by accident.");
        }

        person!.IsInstallationAdministrator = answer == "yes";
        await s.Users.UpdateAsync(person);
        return TypedResults.Redirect($"/people?done={(answer == "yes" ? "made-administrator" : "not-administrator")}&person={Uri.EscapeDataString(person.Id)}");
    }

    // ---- Setting a password from a link ----

    /// <summary>The person the link is for, when the link is still good; null for any link that is not.</summary>
    private static async Task<PersonRow?> PersonOfLink(string? personId, string? token, UserManager<PersonRow> users)
    {
        if (string.IsNullOrEmpty(personId) || personId.Length > MaxPersonIdLength || string.IsNullOrEmpty(token) || token.Length > MaxTokenLength
            || await users.FindByIdAsync(personId) is not { DisabledUtc: null } person)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(person, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PersonRow>.ResetPasswordTokenPurpose, token)
            ? person
            : null;
    }

    private static IResult Expired() =>
        Pages.Error(StatusCodes.Status400BadRequest, "This link cannot be used", LinkExpired);

    public static async Task<IResult> SetPasswordForm([FromQuery] string? person, [FromQuery] string? token, UserManager<PersonRow> users, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        return await PersonOfLink(person, token, users) is { } p
            ? Pages.Render<SetPasswordPage>(new { Person = p, Token = token, Errors = Array.Empty<FieldError>() })
            : Expired();
    }

    public static async Task<IResult> SetPassword(IFormCollection form, UserManager<PersonRow> users, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        string? personId = form["person"], token = form["token"], password = form["password"], confirm = form["confirm"];
        if (await PersonOfLink(personId, token, users) is not { } person)
        {
            return Expired();
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new("password", "Enter a new password"));
        }
        else if (password.Length > PasswordPolicy.MaximumLength)
        {
            errors.Add(new("password", $"The password must be {PasswordPolicy.MaximumLength} characters or fewer"));
        }
        else if (password != confirm)
        {
            errors.Add(new("confirm", "The passwords do not match: type the same password twice"));
        }
        else
        {
            var result = await users.ResetPasswordAsync(person, token!, password);
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return Expired();
            }

            errors.AddRange(result.Errors.Select(e => new FieldError("password", e.Description.TrimEnd('.'))));
            if (result.Succeeded)
            {
                // A new password is a fresh start: wrong passwords typed before it no longer count towards a lockout.
                await users.SetLockoutEndDateAsync(person, null);
                await users.ResetAccessFailedCountAsync(person);
                return TypedResults.Redirect("/sign-in?notice=" + PasswordSetNotice);
            }
        }

        return Pages.Render<SetPasswordPage>(new { Person = person, Token = token, Errors = errors }, StatusCodes.Status400BadRequest);
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
