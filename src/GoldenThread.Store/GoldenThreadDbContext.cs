using GoldenThread.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store;

/// <summary>The store: one model and one set of migrations for SQLite and PostgreSQL.</summary>
/// <remarks>
/// Provider-neutral on purpose: no column types, no provider annotations, no database-generated keys (Guid keys are made
/// by EF on the client), so the same migration creates the same schema on both. Timestamps are UTC offsets.
/// </remarks>
public sealed class GoldenThreadDbContext(DbContextOptions<GoldenThreadDbContext> options) : DbContext(options)
{
    public const int IdLength = 100;

    public DbSet<WorkspaceRow> Workspaces => Set<WorkspaceRow>();

    public DbSet<PlanVersionRow> PlanVersions => Set<PlanVersionRow>();

    public DbSet<ValueRow> Values => Set<ValueRow>();

    public DbSet<CommentaryRow> Commentary => Set<CommentaryRow>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
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
