namespace GoldenThread.Store;

/// <summary>A person's role in one workspace; each role may do everything the ones below it may.</summary>
public enum WorkspaceRole
{
    /// <summary>Reads everything internal, changes nothing.</summary>
    Viewer = 1,

    /// <summary>Changes only the measures and actions they own (named in the plan or assigned in the browser).</summary>
    Contributor = 2,

    /// <summary>Every measure and action of the workspace; checks, approves and publishes.</summary>
    PerformanceOfficer = 3,

    /// <summary>People, roles, the plan and the workspace's settings, as well as everything a performance officer does.</summary>
    Administrator = 4,
}

/// <summary>The roles' keys (in the store, on the command line, in forms) and their names for people.</summary>
public static class WorkspaceRoles
{
    public static IReadOnlyList<WorkspaceRole> All { get; } = [WorkspaceRole.Administrator, WorkspaceRole.PerformanceOfficer, WorkspaceRole.Contributor, WorkspaceRole.Viewer];

    public static string Key(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Administrator => "administrator",
        WorkspaceRole.PerformanceOfficer => "performance-officer",
        WorkspaceRole.Contributor => "contributor",
        WorkspaceRole.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string Title(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Administrator => "Administrator",
        WorkspaceRole.PerformanceOfficer => "Performance officer",
        WorkspaceRole.Contributor => "Contributor",
        WorkspaceRole.Viewer => "Viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>What the role may do, in a sentence for the people pages.</summary>
    public static string Describe(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Administrator => "People, roles, the plan and settings, and everything a performance officer does.",
        WorkspaceRole.PerformanceOfficer => "Every measure and action: enters, checks, approves and publishes.",
        WorkspaceRole.Contributor => "Only the measures and actions they own.",
        WorkspaceRole.Viewer => "Reads everything internal, changes nothing.",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Reads a key or a title, ignoring case, spaces, hyphens and underscores ("Performance officer", "performance_officer").</summary>
    public static bool TryParse(string? text, out WorkspaceRole role)
    {
        var squeezed = new string((text ?? "").Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        foreach (var r in All)
        {
            if (squeezed == new string(Key(r).Where(char.IsLetter).ToArray()))
            {
                role = r;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>The keys, for messages that say what was expected.</summary>
    public static string Keys => string.Join(", ", All.Select(Key));
}

/// <summary>
/// What one person, or a visitor who is not signed in, may do in one workspace: the whole authorization rule of the
/// application, as a pure function of the role, the workspace's public flag and what the person owns.
/// </summary>
/// <param name="Role">The person's role in the workspace; null for a visitor or someone with no role there.</param>
/// <param name="DashboardPublic">Whether the workspace shows its dashboard to visitors.</param>
/// <param name="OwnedMeasures">Measures the person owns (ids, any case).</param>
/// <param name="OwnedActions">Actions the person leads (codes, any case).</param>
public sealed record WorkspaceAccess(WorkspaceRole? Role, bool DashboardPublic, IReadOnlySet<string> OwnedMeasures, IReadOnlySet<string> OwnedActions)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>A visitor: only what is published.</summary>
    public static WorkspaceAccess Visitor(bool dashboardPublic) => new(null, dashboardPublic, None, None);

    /// <summary>The plan itself (vision, themes, outcomes, intentions, actions): published by every council, so anyone.</summary>
    public bool ReadsPlan => true;

    /// <summary>The dashboard, measure pages and their downloads: members, and visitors where the workspace made it public.</summary>
    public bool ReadsDashboard => Role is not null || DashboardPublic;

    /// <summary>What is not published: commentary, people, the history of changes.</summary>
    public bool ReadsInternal => Role is not null;

    /// <summary>A measure's figures and commentary.</summary>
    public bool EditsMeasure(string measureId) =>
        Role >= WorkspaceRole.PerformanceOfficer || (Role == WorkspaceRole.Contributor && OwnedMeasures.Contains(measureId));

    /// <summary>An action's status and progress.</summary>
    public bool EditsAction(string actionCode) =>
        Role >= WorkspaceRole.PerformanceOfficer || (Role == WorkspaceRole.Contributor && OwnedActions.Contains(actionCode));

    /// <summary>Changes something of their own at least (a contributor, even one who owns nothing yet), or anything.</summary>
    public bool Contributes => Role >= WorkspaceRole.Contributor;

    /// <summary>Checks, approves and publishes.</summary>
    public bool Approves => Role >= WorkspaceRole.PerformanceOfficer;

    /// <summary>People, roles, the plan and settings.</summary>
    public bool Administers => Role == WorkspaceRole.Administrator;
}
