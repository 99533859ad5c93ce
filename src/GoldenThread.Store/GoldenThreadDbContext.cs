using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store;

/// <summary>The store: one model and one set of migrations for SQLite and PostgreSQL.</summary>
/// <remarks>
/// Provider-neutral on purpose: no column types, no provider annotations, no database-generated keys (Guid keys are made
/// by EF on the client), so the same migration creates the same schema on both. Timestamps are UTC offsets. The one
/// exception is Identity's claims table, whose integer key both providers generate (the migration carries both
/// providers' annotations). Accounts are Identity's users without its global roles: roles here belong to a workspace.
/// </remarks>
public sealed class GoldenThreadDbContext(DbContextOptions<GoldenThreadDbContext> options) : IdentityUserContext<PersonRow>(options)
{
    public const int IdLength = 100;

    public DbSet<WorkspaceRow> Workspaces => Set<WorkspaceRow>();

    public DbSet<PlanVersionRow> PlanVersions => Set<PlanVersionRow>();

    public DbSet<ValueRow> Values => Set<ValueRow>();

    public DbSet<CommentaryRow> Commentary => Set<CommentaryRow>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public DbSet<MembershipRow> Memberships => Set<MembershipRow>();

    public DbSet<AssignmentRow> Assignments => Set<AssignmentRow>();

    public DbSet<AccessTokenRow> AccessTokens => Set<AccessTokenRow>();

    public DbSet<ReportingPeriodRow> ReportingPeriods => Set<ReportingPeriodRow>();

    public DbSet<FigureRow> Figures => Set<FigureRow>();

    public DbSet<FigureVersionRow> FigureVersions => Set<FigureVersionRow>();

    public DbSet<ActionUpdateRow> ActionUpdates => Set<ActionUpdateRow>();

    public DbSet<EvidenceRow> Evidence => Set<EvidenceRow>();

    public DbSet<AuditRow> Audit => Set<AuditRow>();

    /// <summary>
    /// Identity's schema version 2 (.NET 8's: no passkeys), fixed here rather than read from IdentityOptions, so that the
    /// command line (no web host) and the web application build the same model.
    /// </summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit trail is append-only: the store's triggers refuse the same in SQL (docs/cycle.md#audit).</summary>
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditRow>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: an audit record cannot be changed or deleted.");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<PersonRow>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.DisplayName).HasMaxLength(CommentaryLimits.AuthorLength);
        });
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("person_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("person_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("person_tokens");

        modelBuilder.Entity<MembershipRow>(e =>
        {
            e.ToTable("memberships");
            e.HasKey(m => new { m.WorkspaceId, m.PersonId });
            e.Property(m => m.WorkspaceId).HasMaxLength(IdLength);
            e.Property(m => m.PersonId).HasMaxLength(450);
            e.Property(m => m.Role).HasMaxLength(40);
            e.HasIndex(m => m.PersonId);
            e.HasOne<WorkspaceRow>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<PersonRow>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AssignmentRow>(e =>
        {
            e.ToTable("assignments");
            e.HasKey(a => new { a.WorkspaceId, a.PersonId, a.Kind, a.ItemId });
            e.Property(a => a.WorkspaceId).HasMaxLength(IdLength);
            e.Property(a => a.PersonId).HasMaxLength(450);
            e.Property(a => a.Kind).HasMaxLength(20);
            e.Property(a => a.ItemId).HasMaxLength(IdLength);
            e.HasOne<WorkspaceRow>().WithMany().HasForeignKey(a => a.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<PersonRow>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AccessVersionRow>(e =>
        {
            e.ToTable("access_version");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).ValueGeneratedNever();
        });

        modelBuilder.Entity<AccessTokenRow>(e =>
        {
            e.ToTable("access_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.PersonId).HasMaxLength(450);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.Property(t => t.Prefix).HasMaxLength(20);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.PersonId);
            e.HasOne<PersonRow>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<WorkspaceRow>(e =>
        {
            e.ToTable("workspaces");
            e.HasKey(w => w.Id);
            e.Property(w => w.Id).HasMaxLength(IdLength);
            e.Property(w => w.Title).HasMaxLength(400);
            e.Property(w => w.LaitFolder).HasMaxLength(1000);
            e.Property(w => w.DefaultPeriod).HasMaxLength(40);
        });

        modelBuilder.Entity<PlanVersionRow>(e =>
        {
            e.ToTable("plan_versions");
            e.HasKey(p => new { p.WorkspaceId, p.Version });
            e.Property(p => p.WorkspaceId).HasMaxLength(IdLength);
            e.Property(p => p.SourceName).HasMaxLength(400);
            e.HasOne<WorkspaceRow>().WithMany().HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ValueRow>(e =>
        {
            e.ToTable("measure_values");
            e.HasKey(v => v.Id);
            e.Property(v => v.WorkspaceId).HasMaxLength(IdLength);
            e.Property(v => v.MeasureId).HasMaxLength(IdLength);
            e.Property(v => v.PeriodLabel).HasMaxLength(40);
            e.Property(v => v.PeriodKind).HasMaxLength(20);
            e.Property(v => v.PeriodBasis).HasMaxLength(20);
            e.Property(v => v.PeriodQualifier).HasMaxLength(20);
            e.Property(v => v.Status).HasMaxLength(20);
            e.Property(v => v.SourceName).HasMaxLength(400);
            e.Property(v => v.Direction).HasMaxLength(40);
            e.Property(v => v.Rag).HasMaxLength(10);
            e.HasIndex(v => new { v.WorkspaceId, v.MeasureId });
            e.HasOne<WorkspaceRow>().WithMany().HasForeignKey(v => v.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CommentaryRow>(e =>
        {
            e.ToTable("commentary");
            e.HasKey(c => c.Id);
            e.Property(c => c.WorkspaceId).HasMaxLength(IdLength);
            e.Property(c => c.MeasureId).HasMaxLength(IdLength);
            e.Property(c => c.PeriodLabel).HasMaxLength(40);
            e.Property(c => c.Author).HasMaxLength(200);
            e.Property(c => c.Text).HasMaxLength(CommentaryLimits.TextLength);
            e.HasIndex(c => new { c.WorkspaceId, c.MeasureId });
            e.HasOne<WorkspaceRow>().WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReportingPeriodRow>(e =>
        {
            e.ToTable("reporting_periods");
            e.HasKey(p => new { p.WorkspaceId, p.Label });
            e.Property(p => p.WorkspaceId).HasMaxLength(IdLength);
            e.Property(p => p.Label).HasMaxLength(40);
            e.Property(p => p.OpenedBy).HasMaxLength(CommentaryLimits.AuthorLength);
            e.Property(p => p.PublishedBy).HasMaxLength(CommentaryLimits.AuthorLength);
            e.Property(p => p.Revision).IsConcurrencyToken();
            e.HasOne<WorkspaceRow>().WithMany().HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<FigureRow>(e =>
        {
            e.ToTable("figures");
            e.HasKey(f => new { f.WorkspaceId, f.ReportingPeriod, f.MeasureId });
            e.Property(f => f.WorkspaceId).HasMaxLength(IdLength);
            e.Property(f => f.ReportingPeriod).HasMaxLength(40);
            e.Property(f => f.MeasureId).HasMaxLength(IdLength);
            e.Property(f => f.State).HasMaxLength(20);
            e.Property(f => f.PeriodLabel).HasMaxLength(40);
            e.Property(f => f.PeriodKind).HasMaxLength(20);
            e.Property(f => f.PeriodBasis).HasMaxLength(20);
            e.Property(f => f.Status).HasMaxLength(20);
            e.Property(f => f.Note).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(f => f.Shows).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(f => f.Why).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(f => f.Doing).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(f => f.Reason).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(f => f.Source).HasMaxLength(40);
            e.Property(f => f.UpdatedBy).HasMaxLength(CommentaryLimits.AuthorLength);
            e.Property(f => f.Revision).IsConcurrencyToken();
            e.HasOne<ReportingPeriodRow>().WithMany().HasForeignKey(f => new { f.WorkspaceId, f.ReportingPeriod }).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<FigureVersionRow>(e =>
        {
            e.ToTable("figure_versions");
            e.HasKey(f => new { f.WorkspaceId, f.ReportingPeriod, f.MeasureId, f.Version });
            e.Property(f => f.WorkspaceId).HasMaxLength(IdLength);
            e.Property(f => f.ReportingPeriod).HasMaxLength(40);
            e.Property(f => f.MeasureId).HasMaxLength(IdLength);
            e.Property(f => f.State).HasMaxLength(20);
            e.Property(f => f.PeriodLabel).HasMaxLength(40);
            e.Property(f => f.PeriodKind).HasMaxLength(20);
            e.Property(f => f.PeriodBasis).HasMaxLength(20);
            e.Property(f => f.Status).HasMaxLength(20);
            e.Property(f => f.Note).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(f => f.Shows).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(f => f.Why).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(f => f.Doing).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(f => f.Reason).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(f => f.PublishedBy).HasMaxLength(CommentaryLimits.AuthorLength);
            e.HasOne<ReportingPeriodRow>().WithMany().HasForeignKey(f => new { f.WorkspaceId, f.ReportingPeriod }).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ActionUpdateRow>(e =>
        {
            e.ToTable("action_updates");
            e.HasKey(a => new { a.WorkspaceId, a.ReportingPeriod, a.ActionCode });
            e.Property(a => a.WorkspaceId).HasMaxLength(IdLength);
            e.Property(a => a.ReportingPeriod).HasMaxLength(40);
            e.Property(a => a.ActionCode).HasMaxLength(IdLength);
            e.Property(a => a.Status).HasMaxLength(20);
            e.Property(a => a.Rag).HasMaxLength(10);
            e.Property(a => a.Progress).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(a => a.UpdatedBy).HasMaxLength(CommentaryLimits.AuthorLength);
            e.Property(a => a.Revision).IsConcurrencyToken();
            e.HasOne<ReportingPeriodRow>().WithMany().HasForeignKey(a => new { a.WorkspaceId, a.ReportingPeriod }).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EvidenceRow>(e =>
        {
            e.ToTable("evidence");
            e.HasKey(x => x.Id);
            e.Property(x => x.WorkspaceId).HasMaxLength(IdLength);
            e.Property(x => x.MeasureId).HasMaxLength(IdLength);
            e.Property(x => x.ReportingPeriod).HasMaxLength(40);
            e.Property(x => x.Quote).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(x => x.Attribution).HasMaxLength(CommentaryLimits.AuthorLength);
            e.Property(x => x.CreatedBy).HasMaxLength(CommentaryLimits.AuthorLength);
            e.Property(x => x.UpdatedBy).HasMaxLength(CommentaryLimits.AuthorLength);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.WorkspaceId, x.MeasureId });
            e.HasOne<WorkspaceRow>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuditRow>(e =>
        {
            e.ToTable("audit");
            e.HasKey(a => a.Id);
            e.Property(a => a.WorkspaceId).HasMaxLength(IdLength);
            e.Property(a => a.PersonId).HasMaxLength(450);
            e.Property(a => a.PersonName).HasMaxLength(CommentaryLimits.AuthorLength);
            e.Property(a => a.Subject).HasMaxLength(20);
            e.Property(a => a.ItemId).HasMaxLength(IdLength);
            e.Property(a => a.ReportingPeriod).HasMaxLength(40);
            e.Property(a => a.Field).HasMaxLength(100);
            e.Property(a => a.OldValue).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(a => a.NewValue).HasMaxLength(CommentaryLimits.TextLength);
            e.Property(a => a.Reason).HasMaxLength(CommentaryLimits.TextLength);
            e.HasIndex(a => new { a.WorkspaceId, a.ItemId });
            e.HasIndex(a => new { a.WorkspaceId, a.ReportingPeriod });
            e.HasIndex(a => new { a.WorkspaceId, a.PersonId });
            // No foreign key to the workspace: the record of what happened outlives what it happened to.
        });

        modelBuilder.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(k => k.FriendlyName);
            e.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}

/// <summary>Limits on commentary, shared by the store's schema and the web form's validation.</summary>
public static class CommentaryLimits
{
    public const int TextLength = 4000;

    public const int AuthorLength = 200;
}
