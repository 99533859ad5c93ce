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
