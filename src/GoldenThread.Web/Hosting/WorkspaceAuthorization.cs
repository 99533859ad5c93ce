using System.Security.Claims;
using GoldenThread.Store;
using GoldenThread.Store.Entities;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GoldenThread.Web.Hosting;

/// <summary>What an endpoint asks of the person calling it, in the workspace named by its <c>{ws}</c> route value.</summary>
public enum Permission
{
    ReadDashboard,
    ReadInternal,
    EditMeasure,
    EditAction,
    Contribute,
    Approve,
    Administer,
}

/// <summary>
/// The policies every endpoint names (docs/accounts.md#who-may-do-what). An endpoint with none needs a signed-in person
/// (the fallback policy), and the authorization matrix test fails for any endpoint without an explicit rule.
/// </summary>
public static class Policies
{
    /// <summary>The dashboard and measure pages: members, and visitors where the workspace made its dashboard public.</summary>
    public const string ReadDashboard = "workspace:read-dashboard";

    /// <summary>Commentary and everything else not published: any role in the workspace.</summary>
    public const string ReadInternal = "workspace:read-internal";

    /// <summary>The measure named by <c>{id}</c>: its owner, performance officers and administrators.</summary>
    public const string EditMeasure = "workspace:edit-measure";

    /// <summary>The action named by <c>{code}</c>: its lead, performance officers and administrators.</summary>
    public const string EditAction = "workspace:edit-action";

    /// <summary>
    /// Sending work that names its measures inside it (a values file upload): contributors, performance officers and
    /// administrators; the store then checks each row's measure against what the person owns.
    /// </summary>
    public const string Contribute = "workspace:contribute";

    /// <summary>Checking, approving, publishing: performance officers and administrators.</summary>
    public const string Approve = "workspace:approve";

    /// <summary>People, roles, the plan, settings: the workspace's administrators.</summary>
    public const string Administer = "workspace:administer";

    /// <summary>Every person, every workspace: administrators of the installation.</summary>
    public const string InstallationAdministrator = "installation:administer";

    /// <summary>Anyone signed in: their own account (password, two-factor, tokens).</summary>
    public const string SignedIn = "signed-in";

    public static string For(Permission p) => p switch
    {
        Permission.ReadDashboard => ReadDashboard,
        Permission.ReadInternal => ReadInternal,
        Permission.EditMeasure => EditMeasure,
        Permission.EditAction => EditAction,
        Permission.Contribute => Contribute,
        Permission.Approve => Approve,
        Permission.Administer => Administer,
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, null),
    };
}

public sealed record WorkspacePermissionRequirement(Permission Permission) : IAuthorizationRequirement;

public sealed record InstallationAdministratorRequirement : IAuthorizationRequirement;

public static class WorkspaceAuthorization
{
    public static WebApplicationBuilder AddWorkspaceAuthorization(this WebApplicationBuilder builder)
    {
        var policies = builder.Services.AddAuthorizationBuilder()
            // Safe by default: an endpoint that names no rule is for signed-in people only.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.InstallationAdministrator, p => p.RequireAuthenticatedUser().AddRequirements(new InstallationAdministratorRequirement()));
        foreach (var permission in Enum.GetValues<Permission>())
        {
            // No RequireAuthenticatedUser: a public dashboard is for visitors too; the handler decides.
            policies.AddPolicy(Policies.For(permission), p => p.AddRequirements(new WorkspacePermissionRequirement(permission)));
        }

        builder.Services.AddScoped<IAuthorizationHandler, WorkspacePermissionHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, InstallationAdministratorHandler>();
        return builder;
    }

    /// <summary>Names the policy of a workspace endpoint.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder endpoint, Permission permission)
        where TBuilder : IEndpointConventionBuilder => endpoint.RequireAuthorization(Policies.For(permission));

    /// <summary>Marks an endpoint as open to everyone: the plan, published data, the sign-in pages.</summary>
    public static TBuilder Public<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder => endpoint.AllowAnonymous();
}

/// <summary>Decides a workspace permission from the route's <c>{ws}</c> (and <c>{id}</c> or <c>{code}</c>) and the person's role there.</summary>
public sealed class WorkspacePermissionHandler(CurrentPerson current, WorkspaceService workspaces) : AuthorizationHandler<WorkspacePermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, WorkspacePermissionRequirement requirement)
    {
        if (context.Resource is not HttpContext http || http.GetRouteValue("ws") is not string ws)
        {
            return;
        }

        // An unknown workspace (or a malformed id) is the endpoint's 404: workspaces' names are public with their plans.
        if (ws.Length > GoldenThreadDbContext.IdLength || await workspaces.GetAsync(ws, http.RequestAborted) is not { } data)
        {
            context.Succeed(requirement);
            return;
        }

        var access = await current.AccessAsync(data, http.RequestAborted);
        var item = http.GetRouteValue("id") as string ?? http.GetRouteValue("code") as string ?? "";
        var allowed = requirement.Permission switch
        {
            Permission.ReadDashboard => access.ReadsDashboard,
            Permission.ReadInternal => access.ReadsInternal,
            Permission.EditMeasure => access.EditsMeasure(item),
            Permission.EditAction => access.EditsAction(item),
            Permission.Contribute => access.Contributes,
            Permission.Approve => access.Approves,
            Permission.Administer => access.Administers,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}

public sealed class InstallationAdministratorHandler(CurrentPerson current) : AuthorizationHandler<InstallationAdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, InstallationAdministratorRequirement requirement)
    {
        if (await current.IsInstallationAdministratorAsync(default))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// The signed-in person of this request, their roles and what they may do. The cookie carries only who they are; the rest
/// is read from the store, or from memory under the store's access version (<see cref="PeopleStore.AccessVersionAsync"/>),
/// which every change to people, roles and assignments moves. Each request reads that version once, so a changed role,
/// a disabled account or a new security stamp takes effect on the next request, made through whichever instance or the
/// command line.
/// </summary>
public sealed class CurrentPerson(IHttpContextAccessor accessor, UserManager<PersonRow> users, PeopleStore people, WorkspaceService workspaces, IOptions<AccountOptions> options)
{
    private long? _version;
    private bool _loaded;
    private PersonAccess? _person;
    private (bool Loaded, PersonRow? Row) _row;

    /// <summary>The store's access version as this request first read it.</summary>
    public async Task<long> AccessVersionAsync(CancellationToken ct) => _version ??= await people.AccessVersionAsync(ct);

    /// <summary>The signed-in person, or null for a visitor (or a disabled account).</summary>
    public async Task<PersonAccess?> WhoAsync(CancellationToken ct)
    {
        if (!_loaded)
        {
            var user = accessor.HttpContext?.User;
            _person = user?.Identity?.IsAuthenticated == true && users.GetUserId(user) is { } id ? await FindAsync(id, ct) : null;
            _loaded = true;
        }

        return _person;
    }

    /// <summary>A person by id as of this request's access version; null when there is none or the account is disabled.</summary>
    public async Task<PersonAccess?> FindAsync(string personId, CancellationToken ct)
    {
        var found = await workspaces.AccessViewAsync(await AccessVersionAsync(ct), ("person", personId), () => people.PersonAccessAsync(personId, CancellationToken.None));
        return found is { Disabled: false } ? found : null;
    }

    /// <summary>
    /// The person's own row, tracked, for the pages that change their account (password, two-factor, tokens): read from
    /// the store, not from memory. Null for a visitor or a disabled account.
    /// </summary>
    public async Task<PersonRow?> PersonAsync(CancellationToken ct)
    {
        if (!_row.Loaded)
        {
            _row = (true, await WhoAsync(ct) is { } who && await users.FindByIdAsync(who.Id) is { DisabledUtc: null } row ? row : null);
        }

        return _row.Row;
    }

    /// <summary>Whether administration is open to this person: when the installation requires two-factor sign-in for administrators, only once they have it.</summary>
    private bool MayAdminister(PersonAccess person) => !options.Value.RequireTwoFactorForAdministrators || person.TwoFactorEnabled;

    public async Task<bool> IsInstallationAdministratorAsync(CancellationToken ct) =>
        await WhoAsync(ct) is { IsInstallationAdministrator: true } p && MayAdminister(p);

    /// <summary>The person's role in a workspace: an installation administrator administers every one.</summary>
    public async Task<WorkspaceRole?> RoleAsync(string workspaceId, CancellationToken ct)
    {
        if (await WhoAsync(ct) is not { } person)
        {
            return null;
        }

        WorkspaceRole? role = person.IsInstallationAdministrator ? WorkspaceRole.Administrator : person.Roles.TryGetValue(workspaceId, out var r) ? r : null;

        // Until an administrator sets up two-factor sign-in where it is required, they may do what a performance officer does.
        return role == WorkspaceRole.Administrator && !MayAdminister(person) ? WorkspaceRole.PerformanceOfficer : role;
    }

    /// <summary>What this request may do in a workspace (worked out once a request: a page and its form both ask).</summary>
    public async Task<WorkspaceAccess> AccessAsync(WorkspaceData workspace, CancellationToken ct)
    {
        if (_access is { } known && known.Workspace == workspace.Info.Id && known.PlanVersion == workspace.Info.PlanVersion)
        {
            return known.Access;
        }

        var access = await WorkOutAccessAsync(workspace, ct);
        _access = (workspace.Info.Id, workspace.Info.PlanVersion, access);
        return access;
    }

    private (string Workspace, int PlanVersion, WorkspaceAccess Access)? _access;

    private async Task<WorkspaceAccess> WorkOutAccessAsync(WorkspaceData workspace, CancellationToken ct)
    {
        var role = await RoleAsync(workspace.Info.Id, ct);
        if (role is null || await WhoAsync(ct) is not { } person)
        {
            return WorkspaceAccess.Visitor(workspace.Info.DashboardPublic);
        }

        if (role != WorkspaceRole.Contributor)
        {
            return new WorkspaceAccess(role, workspace.Info.DashboardPublic, new HashSet<string>(), new HashSet<string>());
        }

        // What a contributor owns follows from the plan, their name and what is assigned to them: kept with the plan version
        // and the access version, which an assignment, a renamed person or a changed role moves.
        var (measures, actions) = await workspaces.AccessViewAsync(await AccessVersionAsync(ct), ("owns", workspace.Info.Id, workspace.Info.PlanVersion, person.Id), async () =>
            Ownership.Of(workspace.Plan, person.DisplayName, person.Email, (await AssignmentsAsync(workspace.Info.Id, CancellationToken.None))[person.Id].ToList()));
        return new WorkspaceAccess(role, workspace.Info.DashboardPublic, measures, actions);
    }

    /// <summary>Everything assigned in a workspace in the browser, by person, as of this request's access version.</summary>
    public async Task<ILookup<string, (string Kind, string ItemId)>> AssignmentsAsync(string workspaceId, CancellationToken ct) =>
        await workspaces.AccessViewAsync(await AccessVersionAsync(ct), ("assignments", workspaceId), () => people.AssignmentsAsync(workspaceId, CancellationToken.None));

    /// <summary>The people with a role in a workspace, as of this request's access version.</summary>
    public async Task<IReadOnlyList<Member>> MembersAsync(string workspaceId, CancellationToken ct) =>
        await workspaces.AccessViewAsync(await AccessVersionAsync(ct), ("members", workspaceId), () => people.MembersAsync(workspaceId, CancellationToken.None));

    /// <summary>Who is acting in the quarterly cycle: the person, their name for the audit trail and what they may do.</summary>
    public async Task<GoldenThread.Store.Cycle.Actor> ActorAsync(WorkspaceData workspace, CancellationToken ct)
    {
        var access = await AccessAsync(workspace, ct);
        return new GoldenThread.Store.Cycle.Actor((await WhoAsync(ct))?.Id, await DisplayNameAsync(ct) ?? "visitor", access);
    }

    /// <summary>The name shown as the author of what the person writes.</summary>
    public async Task<string?> DisplayNameAsync(CancellationToken ct) =>
        await WhoAsync(ct) is { } p ? (string.IsNullOrWhiteSpace(p.DisplayName) ? p.Email : p.DisplayName) : null;

    public static string? IdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
