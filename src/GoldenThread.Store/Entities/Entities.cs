namespace GoldenThread.Store.Entities;

// Persistence shapes only: the domain types (Plan, Observation, Period) stay immutable in Core and are rebuilt from these
// rows on load, so no EF concern leaks into the domain.

/// <summary>A plan with its values and options (home council, LAIT use); the unit of import and of the web's URLs.</summary>
public sealed class WorkspaceRow
{
    /// <summary>A short slug used in URLs, e.g. <c>leicestershire-2020-23</c>.</summary>
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The home council's DfE LA number; null means the plan's own.</summary>
    public int? HomeLaNumber { get; set; }

    /// <summary>Whether the dashboard draws on LAIT's published files (held in memory by the application, not stored).</summary>
    public bool UsesLait { get; set; }

    /// <summary>A LAIT folder for this workspace, where it differs from the application's; null for the application's.</summary>
    public string? LaitFolder { get; set; }

    /// <summary>The reporting period shown when none is asked for, as written (<c>2015/16 Q3</c>); null for the latest.</summary>
    public string? DefaultPeriod { get; set; }

    /// <summary>The plan version in force (the highest stored).</summary>
    public int PlanVersion { get; set; }

    /// <summary>Raised by every values import, so caches keyed on it never serve old figures.</summary>
    public int DataVersion { get; set; }

    /// <summary>
    /// Raised by every change to the quarterly cycle (figures, commentary, periods, action updates, evidence), so that
    /// caches of what the cycle shows move with it while the imported plan and values, keyed on the other two, stay put.
    /// </summary>
    public int CycleVersion { get; set; }

    /// <summary>Whether visitors who are not signed in may see the dashboard and measure pages (always with disclosure control).</summary>
    public bool DashboardPublic { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}

/// <summary>One version of a workspace's plan, kept as the YAML text imported (parsed with PlanReader on load).</summary>
public sealed class PlanVersionRow
{
    public string WorkspaceId { get; set; } = "";

    public int Version { get; set; }

    /// <summary>The file name the plan came from, for messages and provenance.</summary>
    public string SourceName { get; set; } = "";

    public string YamlText { get; set; } = "";

    public DateTimeOffset ImportedUtc { get; set; }
}

/// <summary>One of the council's own values (an Observation) with where it came from.</summary>
public sealed class ValueRow
{
    public Guid Id { get; set; }

    public string WorkspaceId { get; set; } = "";

    /// <summary>The data version of the import that wrote it.</summary>
    public int DataVersion { get; set; }

    public string MeasureId { get; set; } = "";

    /// <summary>The period as the label people read (kept for people looking at the table; the columns below rebuild it).</summary>
    public string PeriodLabel { get; set; } = "";

    public string PeriodKind { get; set; } = "";

    public string PeriodBasis { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public string? PeriodQualifier { get; set; }

    public double? Value { get; set; }

    public double? Numerator { get; set; }

    public double? Denominator { get; set; }

    /// <summary><c>final</c> or <c>provisional</c>.</summary>
    public string Status { get; set; } = "final";

    public string? Note { get; set; }

    public double? England { get; set; }

    public double? Region { get; set; }

    public double? SnAverage { get; set; }

    public int? Quartile { get; set; }

    public bool? Updated { get; set; }

    /// <summary>A direction of travel supplied with the value (docs/formats.md#supplied-judgements): <c>improved</c>, <c>no significant change</c>, <c>declined</c>, <c>higher</c>, <c>lower</c>.</summary>
    public string? Direction { get; set; }

    public string? DirectionReason { get; set; }

    /// <summary>A RAG rating supplied with the value: <c>red</c>, <c>amber</c>, <c>green</c>.</summary>
    public string? Rag { get; set; }

    public string? RagReason { get; set; }

    /// <summary>The file the value was imported from.</summary>
    public string SourceName { get; set; } = "";

    public DateTimeOffset ImportedUtc { get; set; }
}

/// <summary>A comment on a measure for a reporting period: the commentary history is every row, oldest first.</summary>
public sealed class CommentaryRow
{
    public Guid Id { get; set; }

    public string WorkspaceId { get; set; } = "";

    public string MeasureId { get; set; } = "";

    /// <summary>The reporting period the comment is about, as written (<c>2023/24</c>).</summary>
    public string PeriodLabel { get; set; } = "";

    public string Author { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>An ASP.NET Core data-protection key as XML, shared by every instance of the web application.</summary>
public sealed class DataProtectionKeyRow
{
    /// <summary>The key's friendly name (<c>key-{guid}</c>), unique per key.</summary>
    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}

/// <summary>A person with an account: ASP.NET Core Identity's user (sign-in name, password hash, lockout, two-factor key) and what GoldenThread adds.</summary>
public sealed class PersonRow : Microsoft.AspNetCore.Identity.IdentityUser
{
    /// <summary>The name shown as the author of what the person writes, and matched against owners and leads named in a plan.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>An administrator of the whole installation: every workspace, and every person.</summary>
    public bool IsInstallationAdministrator { get; set; }

    /// <summary>When an administrator disabled the account; null while it may sign in.</summary>
    public DateTimeOffset? DisabledUtc { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>
/// The store's access version, one row: a counter that triggers move with every change to people, memberships and
/// assignments (migration <c>AccessVersion</c>; <see cref="GoldenThread.Store.PeopleStore.AccessVersionAsync"/>).
/// </summary>
public sealed class AccessVersionRow
{
    public int Id { get; set; }

    public long Version { get; set; }
}

/// <summary>A person's role in one workspace (<see cref="GoldenThread.Store.WorkspaceRole"/>, stored as its key).</summary>
public sealed class MembershipRow
{
    public string WorkspaceId { get; set; } = "";

    public string PersonId { get; set; } = "";

    /// <summary><c>administrator</c>, <c>performance-officer</c>, <c>contributor</c> or <c>viewer</c>.</summary>
    public string Role { get; set; } = "";

    public DateTimeOffset GrantedUtc { get; set; }
}

/// <summary>A measure or action assigned to a person in the browser (owners named in the plan need no row).</summary>
public sealed class AssignmentRow
{
    public string WorkspaceId { get; set; } = "";

    public string PersonId { get; set; } = "";

    /// <summary><c>measure</c> or <c>action</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The measure's id or the action's code.</summary>
    public string ItemId { get; set; } = "";
}

/// <summary>A personal access token for the API: only its SHA-256 hash is kept, so a copy of the store does not give access.</summary>
public sealed class AccessTokenRow
{
    public Guid Id { get; set; }

    public string PersonId { get; set; } = "";

    /// <summary>What the person called it ("Quarterly upload script").</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the token's text.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The token's first characters, shown so the person can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset ExpiresUtc { get; set; }

    public DateTimeOffset? RevokedUtc { get; set; }

    public DateTimeOffset? LastUsedUtc { get; set; }
}
