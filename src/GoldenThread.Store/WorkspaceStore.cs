using System.Globalization;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Plans;
using GoldenThread.Data;
using GoldenThread.Data.Plans;
using GoldenThread.Data.Values;
using GoldenThread.Store.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GoldenThread.Store;

/// <summary>What a workspace is, without its plan and values: cheap to read on every request.</summary>
public sealed record WorkspaceInfo(
    string Id,
    string Title,
    int? HomeLaNumber,
    bool UsesLait,
    string? LaitFolder,
    string? DefaultPeriod,
    int PlanVersion,
    int DataVersion,
    DateTimeOffset UpdatedUtc,
    bool DashboardPublic = false,
    int CycleVersion = 0);

/// <summary>A stored plan version, parsed.</summary>
public sealed record StoredPlan(int Version, string SourceName, DateTimeOffset ImportedUtc, Plan Plan);

/// <summary>One entry of a measure's commentary history.</summary>
public sealed record Commentary(string MeasureId, string Period, string Author, string Text, DateTimeOffset CreatedUtc);

/// <summary>What one import brings: a plan (new version), optionally the council's values (replacing all earlier ones), options.</summary>
public sealed record WorkspaceImport
{
    public required string WorkspaceId { get; init; }

    public string? Title { get; init; }

    /// <summary>The plan's YAML text; null keeps the plan in force (then <see cref="ValuesText"/> or <see cref="ValuesXlsx"/> is read against it).</summary>
    public string? PlanYaml { get; init; }

    public string PlanSourceName { get; init; } = "plan.yaml";

    /// <summary>The values as CSV text; null with no XLSX keeps the stored values.</summary>
    public string? ValuesText { get; init; }

    /// <summary>The values as an XLSX workbook's bytes.</summary>
    public byte[]? ValuesXlsx { get; init; }

    public string ValuesSourceName { get; init; } = "values.csv";

    public int? HomeLaNumber { get; init; }

    public bool UsesLait { get; init; }

    public string? LaitFolder { get; init; }

    public string? DefaultPeriod { get; init; }

    /// <summary>Whether visitors who are not signed in see the dashboard; null keeps the workspace's setting (a new one is not public).</summary>
    public bool? DashboardPublic { get; init; }

    /// <summary>
    /// Who changes the plan in the browser: when given and the plan becomes a new version, an audit record of the change
    /// (subject <c>plan</c>, the new version, the file's name as the reason) is written in the same transaction.
    /// </summary>
    public Cycle.Actor? ChangedBy { get; init; }
}

/// <summary>Reads and writes workspaces. Imports are all or nothing: everything is read and checked before one transaction writes it.</summary>
public sealed class WorkspaceStore(GoldenThreadDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<WorkspaceInfo>> ListAsync(CancellationToken ct = default) =>
        (await db.Workspaces.AsNoTracking().ToListAsync(ct)).OrderBy(w => w.Id, StringComparer.Ordinal).Select(Info).ToList();

    public async Task<WorkspaceInfo?> FindAsync(string id, CancellationToken ct = default) =>
        await db.Workspaces.AsNoTracking().Where(w => w.Id == id).Select(w => Info(w)).FirstOrDefaultAsync(ct);

    /// <summary>The plan version asked for (the one in force by default), parsed; null when there is none.</summary>
    public async Task<StoredPlan?> LoadPlanAsync(string workspaceId, int version, CancellationToken ct = default)
    {
        var row = await db.PlanVersions.AsNoTracking().FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId && p.Version == version, ct);
        if (row is null)
        {
            return null;
        }

        using var reader = new StringReader(row.YamlText);
        return new StoredPlan(row.Version, row.SourceName, row.ImportedUtc, PlanReader.Read(reader, row.SourceName));
    }

    public async Task<IReadOnlyList<(int Version, string SourceName, DateTimeOffset ImportedUtc)>> PlanHistoryAsync(string workspaceId, CancellationToken ct = default) =>
        (await db.PlanVersions.AsNoTracking().Where(p => p.WorkspaceId == workspaceId)
            .Select(p => new { p.Version, p.SourceName, p.ImportedUtc }).ToListAsync(ct))
        .OrderBy(p => p.Version).Select(p => (p.Version, p.SourceName, p.ImportedUtc)).ToList();

    public async Task<IReadOnlyList<Observation>> LoadValuesAsync(string workspaceId, CancellationToken ct = default)
    {
        var rows = await db.Values.AsNoTracking().Where(v => v.WorkspaceId == workspaceId).ToListAsync(ct);
        return rows.Select(ToObservation).ToList();
    }

    /// <summary>
    /// Reads the plan and values of <paramref name="import"/> (throwing <see cref="InputException"/> with every problem, before
    /// anything is written), then in one transaction stores the plan as a new version, replaces the values and sets the options.
    /// </summary>
    public async Task<WorkspaceInfo> ImportAsync(WorkspaceImport import, CancellationToken ct = default)
    {
        CheckId(import.WorkspaceId);
        Plan? newPlan = null;
        if (import.PlanYaml is { } yaml)
        {
            using var reader = new StringReader(yaml);
            newPlan = PlanReader.Read(reader, import.PlanSourceName);
        }

        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                using var turn = await SqliteWriteTurns.TakeAsync(db, ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // Imports into one workspace take turns: the workspace, its plan version and data version are read only
                // once this one holds the lock, so two at once cannot both create the workspace or both add version N+1.
                // SQLite's transaction already holds the write lock (BEGIN IMMEDIATE); PostgreSQL's needs an advisory one.
                await LockWorkspaceAsync(import.WorkspaceId, ct);
                var existing = await db.Workspaces.FirstOrDefaultAsync(w => w.Id == import.WorkspaceId, ct);
                if (existing is not null)
                {
                    // The context may have tracked the row before the lock was held (a page's earlier read): read it anew.
                    await db.Entry(existing).ReloadAsync(ct);
                }

                var plan = newPlan
                    ?? (existing is null ? null : await LoadPlanAsync(existing.Id, existing.PlanVersion, ct))?.Plan
                    ?? throw new InputException(new InputError(import.WorkspaceId, null, null, "the workspace has no plan yet; import a plan with the values"));
                var values = ReadValues(import, plan);
                return await WriteAsync(import, existing, plan, values, now, tx, ct);
            });
        }
        catch (Exception e) when (StoreBusyException.IsBusy(e))
        {
            db.ChangeTracker.Clear();
            throw StoreBusyException.For(StoreConnection.Of(db), $"importing workspace '{import.WorkspaceId}'", e);
        }
    }

    private static IReadOnlyList<Observation>? ReadValues(WorkspaceImport import, Plan plan)
    {
        if (import.ValuesXlsx is { } bytes)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return ValuesReader.ReadXlsx(stream, import.ValuesSourceName, plan);
        }

        if (import.ValuesText is { } csv)
        {
            using var reader = new StringReader(csv);
            return ValuesReader.ReadCsv(reader, import.ValuesSourceName, plan);
        }

        return null;
    }

    /// <summary>
    /// Holds this workspace's import lock until the transaction ends. On PostgreSQL a transaction-scoped advisory lock
    /// keyed on the workspace, waited for at most the connection's command timeout (less half a second, so the server's
    /// lock_timeout answers before the client gives up); on SQLite the transaction's own write lock is the lock.
    /// </summary>
    private async Task LockWorkspaceAsync(string workspaceId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var waitMs = Math.Max(500, (StoreBusyException.WaitSeconds(StoreConnection.Of(db)) * 1000) - 500);
        var timeout = waitMs.ToString(CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('lock_timeout', {timeout}, true)", ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('goldenthread.import'), hashtext({workspaceId}))", ct);
    }

    private async Task<WorkspaceInfo> WriteAsync(WorkspaceImport import, WorkspaceRow? existing, Plan plan, IReadOnlyList<Observation>? values, DateTimeOffset now, IDbContextTransaction tx, CancellationToken ct)
    {
        var ws = existing;
        if (ws is null)
        {
            ws = new WorkspaceRow { Id = import.WorkspaceId, CreatedUtc = now };
            db.Workspaces.Add(ws);
        }

        ws.Title = import.Title ?? (string.IsNullOrWhiteSpace(ws.Title) ? plan.Name : ws.Title);
        ws.HomeLaNumber = import.HomeLaNumber ?? ws.HomeLaNumber;
        ws.UsesLait = import.UsesLait;
        ws.LaitFolder = import.LaitFolder;
        ws.DefaultPeriod = import.DefaultPeriod;
        ws.DashboardPublic = import.DashboardPublic ?? ws.DashboardPublic;
        ws.UpdatedUtc = now;
        // Re-importing the plan in force (every 'report' run does) keeps its version: history records changes only.
        var unchanged = import.PlanYaml is { } same && existing is not null &&
            await db.PlanVersions.AnyAsync(p => p.WorkspaceId == ws.Id && p.Version == ws.PlanVersion && p.YamlText == same, ct);
        if (import.PlanYaml is { } text && !unchanged)
        {
            var before = ws.PlanVersion;
            ws.PlanVersion++;
            if (import.ChangedBy is { } actor)
            {
                db.Audit.Add(new AuditRow
                {
                    WorkspaceId = ws.Id,
                    AtUtc = now,
                    PersonId = actor.PersonId,
                    PersonName = actor.Name,
                    Subject = "plan",
                    ItemId = ws.PlanVersion.ToString(CultureInfo.InvariantCulture),
                    Field = "version",
                    OldValue = before.ToString(CultureInfo.InvariantCulture),
                    NewValue = ws.PlanVersion.ToString(CultureInfo.InvariantCulture),
                    Reason = import.PlanSourceName,
                });
            }

            db.PlanVersions.Add(new PlanVersionRow
            {
                WorkspaceId = ws.Id,
                Version = ws.PlanVersion,
                SourceName = import.PlanSourceName,
                YamlText = text,
                ImportedUtc = now,
            });
        }

        // A new plan can rename measures, so the data version moves with the plan too: cached dashboards are keyed on both.
        ws.DataVersion++;
        if (values is not null)
        {
            await db.Values.Where(v => v.WorkspaceId == ws.Id).ExecuteDeleteAsync(ct);
            db.Values.AddRange(values.Select(o => ToRow(o, ws.Id, ws.DataVersion, import.ValuesSourceName, now)));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Info(ws);
    }

    public async Task<IReadOnlyList<Commentary>> CommentaryAsync(string workspaceId, string measureId, CancellationToken ct = default) =>
        (await db.Commentary.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && c.MeasureId == measureId).ToListAsync(ct))
        // Ordered here, not in SQL: SQLite cannot order by a DateTimeOffset column, and a measure has few comments.
        .OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
        .Select(c => new Commentary(c.MeasureId, c.PeriodLabel, c.Author, c.Text, c.CreatedUtc))
        .ToList();

    /// <summary>
    /// The latest commentary on each measure for the period each measure reports (the dashboard's rows): keyed by
    /// measure id, only for measures that have commentary on that period.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Commentary>> LatestCommentaryAsync(string workspaceId, IReadOnlyCollection<(string MeasureId, string Period)> rows, CancellationToken ct = default)
    {
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        if (periods.Count == 0)
        {
            return new Dictionary<string, Commentary>();
        }

        var wanted = rows.ToHashSet();
        return (await db.Commentary.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && periods.Contains(c.PeriodLabel)).ToListAsync(ct))
            .Where(c => wanted.Contains((c.MeasureId, c.PeriodLabel)))
            .GroupBy(c => c.MeasureId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).Select(c => new Commentary(c.MeasureId, c.PeriodLabel, c.Author, c.Text, c.CreatedUtc)).Last());
    }

    public async Task<Commentary> AddCommentaryAsync(string workspaceId, string measureId, string period, string author, string text, CancellationToken ct = default)
    {
        var row = new CommentaryRow
        {
            Id = Guid.NewGuid(),
            WorkspaceId = workspaceId,
            MeasureId = measureId,
            PeriodLabel = period,
            Author = author.Trim(),
            Text = text.Trim(),
            CreatedUtc = clock.GetUtcNow(),
        };
        db.Commentary.Add(row);

        // The workspace's stamp moves with its commentary, so that every instance's cached pages of it are renewed.
        if (await db.Workspaces.FirstOrDefaultAsync(w => w.Id == workspaceId, ct) is { } ws)
        {
            ws.UpdatedUtc = row.CreatedUtc;
        }

        await db.SaveChangesAsync(ct);
        return new Commentary(row.MeasureId, row.PeriodLabel, row.Author, row.Text, row.CreatedUtc);
    }

    /// <summary>A workspace id is a slug: it appears in URLs.</summary>
    public static void CheckId(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > GoldenThreadDbContext.IdLength || !id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
        {
            throw new InputException(new InputError("workspace", null, null,
                $"'{id}' is not a workspace id; expected lower-case letters, digits, '-', '_' or '.', at most {GoldenThreadDbContext.IdLength} characters"));
        }
    }

    private static WorkspaceInfo Info(WorkspaceRow w) =>
        new(w.Id, w.Title, w.HomeLaNumber, w.UsesLait, w.LaitFolder, w.DefaultPeriod, w.PlanVersion, w.DataVersion, w.UpdatedUtc, w.DashboardPublic, w.CycleVersion);

    /// <summary>Makes the dashboard public or internal; moves the workspace's stamp so cached pages are renewed.</summary>
    public async Task<bool> SetDashboardPublicAsync(string workspaceId, bool isPublic, CancellationToken ct = default)
    {
        if (await db.Workspaces.FirstOrDefaultAsync(w => w.Id == workspaceId, ct) is not { } ws)
        {
            return false;
        }

        ws.DashboardPublic = isPublic;
        ws.UpdatedUtc = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static ValueRow ToRow(Observation o, string workspaceId, int dataVersion, string source, DateTimeOffset now)
    {
        var (kind, basis, start, end, qualifier) = PeriodColumns.ToColumns(o.Period);
        return new ValueRow
        {
            Id = Guid.NewGuid(),
            WorkspaceId = workspaceId,
            DataVersion = dataVersion,
            MeasureId = o.MeasureId,
            PeriodLabel = o.Period.Label,
            PeriodKind = kind,
            PeriodBasis = basis,
            PeriodStart = start,
            PeriodEnd = end,
            PeriodQualifier = qualifier,
            Value = o.Value,
            Numerator = o.Numerator,
            Denominator = o.Denominator,
            Status = o.Status == ValueStatus.Provisional ? "provisional" : "final",
            Note = o.Note,
            England = o.Benchmarks?.England,
            Region = o.Benchmarks?.Region,
            SnAverage = o.Benchmarks?.StatisticalNeighbourAverage,
            Quartile = o.Benchmarks?.Quartile,
            Updated = o.Updated,
            Direction = o.SuppliedDirection is { } d ? SuppliedJudgements.DirectionWords(d.Outcome) : null,
            DirectionReason = o.SuppliedDirection?.Reason,
            Rag = o.SuppliedRag is { } g ? SuppliedJudgements.RagWords(g.Outcome).ToLowerInvariant() : null,
            RagReason = o.SuppliedRag?.Reason,
            SourceName = source,
            ImportedUtc = now,
        };
    }

    private static Observation ToObservation(ValueRow r)
    {
        var benchmarks = new SuppliedBenchmarks { England = r.England, Region = r.Region, StatisticalNeighbourAverage = r.SnAverage, Quartile = r.Quartile };
        return new Observation
        {
            MeasureId = r.MeasureId,
            Period = PeriodColumns.FromColumns(r.PeriodKind, r.PeriodBasis, r.PeriodStart, r.PeriodEnd, r.PeriodQualifier),
            Value = r.Value,
            Numerator = r.Numerator,
            Denominator = r.Denominator,
            Status = r.Status == "provisional" ? ValueStatus.Provisional : ValueStatus.Final,
            Note = r.Note,
            Benchmarks = benchmarks.IsEmpty ? null : benchmarks,
            Updated = r.Updated,
            SuppliedDirection = SuppliedDirectionOf(r),
            SuppliedRag = SuppliedRagOf(r),
            Provenance = Provenance.Supplied,
        };
    }

    // The words ToRow writes (SuppliedJudgements' own); anything else is not a supplied judgement.
    private static SuppliedJudgement<Direction>? SuppliedDirectionOf(ValueRow r)
    {
        Direction? direction = r.Direction switch
        {
            "improved" => Direction.Improved,
            "no significant change" => Direction.NoSignificantChange,
            "declined" => Direction.Declined,
            "higher" => Direction.Higher,
            "lower" => Direction.Lower,
            _ => null,
        };
        return direction is { } d && r.DirectionReason is { } reason ? new(d, reason) : null;
    }

    private static SuppliedJudgement<Rag>? SuppliedRagOf(ValueRow r)
    {
        Rag? rag = r.Rag switch
        {
            "red" => Rag.Red,
            "amber" => Rag.Amber,
            "green" => Rag.Green,
            _ => null,
        };
        return rag is { } g && r.RagReason is { } reason ? new(g, reason) : null;
    }
}
