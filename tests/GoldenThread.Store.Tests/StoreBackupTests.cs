using GoldenThread.Store.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GoldenThread.Store.Tests;

/// <summary><c>db backup</c> and <c>db restore</c>: a store comes back row for row; a restore refuses what it should, untouched.</summary>
public sealed class StoreBackupTests : IDisposable
{
    private const string PlanYaml = """
        plan: Test plan — “quoted”, O'Neill's
        la: 855
        years: 2020-2023
        themes:
          - id: T1
            title: Theme one
            outcomes:
              - id: T1.O1
                title: Outcome one
                measures: [m1, m2]
        measures:
          - id: m1
            title: Measure one
            unit: percentage
            polarity: higher-is-better
            frequency: quarterly
          - id: m2
            title: Measure two
            unit: count
            polarity: lower-is-better
            frequency: academic-year
        """;

    private const string Values = """
        measure,period,value,numerator,denominator,status,note,england,sn_average,quartile,direction,direction_reason,rag,rag_reason
        m1,2019/20 Q3,,2,339,provisional,"a note, with a comma",2.1,2.4,1,improved,Appendix A: Up,green,Appendix A: G
        m2,2019/20,12,,,,,,,,,,,
        """;

    /// <summary>The tables this test fills; any other table (added by later work) is still compared, empty or not.</summary>
    private static readonly string[] FilledTables = ["workspaces", "plan_versions", "measure_values", "commentary", "data_protection_keys", "people", "memberships", "assignments", "person_claims", "person_logins", "person_tokens", "access_tokens",
        "reporting_periods", "figures", "figure_versions", "action_updates", "evidence", "audit", StoreBackup.HistoryTable];

    private static readonly DateTimeOffset Now = new(2024, 5, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "goldenthread-tests", Guid.NewGuid().ToString("N"));

    public StoreBackupTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private string BackupPath(StoreProvider provider) => Path.Combine(_dir, provider == StoreProvider.Sqlite ? "backup.db" : "backup.dump");

    /// <summary>Migrates and writes a row into every table the model has: two plan versions, values, commentary, a key.</summary>
    private static async Task FillAsync(StoreConnection connection, string workspaceId)
    {
        await StoreMigrator.MigrateAsync(connection);
        await using var db = connection.CreateContext();
        var store = new WorkspaceStore(db, new FixedClock(Now));
        await store.ImportAsync(new WorkspaceImport { WorkspaceId = workspaceId, PlanYaml = PlanYaml, ValuesText = Values, UsesLait = true, HomeLaNumber = 855, DefaultPeriod = "2019/20 Q3" });
        await store.ImportAsync(new WorkspaceImport { WorkspaceId = workspaceId, PlanYaml = PlanYaml.Replace("Test plan", "Revised plan", StringComparison.Ordinal) });
        await store.AddCommentaryAsync(workspaceId, "m1", "2019/20 Q3", "Ann O'Neill", "Up \"sharply\";\nsee the Q3 report — ✓ <b>");
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = "key-" + workspaceId, Xml = "<key id=\"" + workspaceId + "\"><secret>x</secret></key>" });

        // An account with a role, an assignment, a claim, an external login, an authenticator key and an access token.
        var personId = "person-" + workspaceId;
        db.Users.Add(new PersonRow
        {
            Id = personId, UserName = workspaceId + "@council.example", NormalizedUserName = (workspaceId + "@council.example").ToUpperInvariant(),
            Email = workspaceId + "@council.example", NormalizedEmail = (workspaceId + "@council.example").ToUpperInvariant(), DisplayName = "Ann O'Neill",
            PasswordHash = "AQAAAAIAAYagAAAAEPL9qapRpQfTDiaKfAt4V+BG5v+mQT9SNeKXLO5HTvYnu2/JZUeMhI0+i3TafcgL5g==", SecurityStamp = "STAMP", ConcurrencyStamp = "c1",
            LockoutEnabled = true, AccessFailedCount = 2, LockoutEnd = Now.AddMinutes(5), TwoFactorEnabled = true, CreatedUtc = Now, DisabledUtc = Now,
        });
        db.Memberships.Add(new MembershipRow { WorkspaceId = workspaceId, PersonId = personId, Role = "contributor", GrantedUtc = Now });
        db.Assignments.Add(new AssignmentRow { WorkspaceId = workspaceId, PersonId = personId, Kind = "measure", ItemId = "m1" });
        db.UserClaims.Add(new Microsoft.AspNetCore.Identity.IdentityUserClaim<string> { UserId = personId, ClaimType = "groups", ClaimValue = "g-1" });
        db.UserLogins.Add(new Microsoft.AspNetCore.Identity.IdentityUserLogin<string> { UserId = personId, LoginProvider = "oidc", ProviderKey = "sub-" + workspaceId, ProviderDisplayName = "Entra" });
        db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<string> { UserId = personId, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "ABCDEFGHIJKLMNOP" });
        db.AccessTokens.Add(new AccessTokenRow { Id = Guid.NewGuid(), PersonId = personId, Name = "script", Hash = new string('a', 63) + workspaceId[0], Prefix = "gt_abcdef", CreatedUtc = Now, ExpiresUtc = Now.AddDays(30) });
        await db.SaveChangesAsync();

        // A quarter taken to publication and corrected: periods, figures, versions, an action update, evidence, the audit trail.
        var plan = (await store.LoadPlanAsync(workspaceId, 2))!.Plan;
        var cycle = new GoldenThread.Store.Cycle.CycleStore(db, new FixedClock(Now));
        var officer = new GoldenThread.Store.Cycle.Actor(personId, "Ann O'Neill", new WorkspaceAccess(WorkspaceRole.PerformanceOfficer, false, new HashSet<string>(), new HashSet<string>()));
        var q3 = GoldenThread.Core.Periods.Period.FinancialQuarter(2019, 3);
        Assert.True((await cycle.OpenAsync(workspaceId, q3, new DateOnly(2024, 5, 10), plan, new Dictionary<string, (GoldenThread.Core.Measures.Observation, string)>(), officer)).Succeeded);
        Assert.True((await cycle.EnterAsync(workspaceId, "2019/20 Q3", "m1", new GoldenThread.Store.Cycle.FigureEntry { Value = "0.6", Shows = "Up “a little”", Why = "<b>why</b>" }, 1, plan, officer)).Succeeded);
        Assert.True((await cycle.StepAsync(workspaceId, "2019/20 Q3", "m1", GoldenThread.Core.Cycle.FigureStep.Approve, null, 2, officer)).Succeeded);
        Assert.True((await cycle.StepAsync(workspaceId, "2019/20 Q3", "m2", GoldenThread.Core.Cycle.FigureStep.MarkNotAvailable, "Not collected this year", 1, officer)).Succeeded);
        Assert.True((await cycle.SaveEvidenceAsync(workspaceId, null, "m1", "2019/20 Q3", "They listened to me.", "a young person, 15", true, 0, plan, officer)).Succeeded);
        Assert.True((await cycle.PublishAsync(workspaceId, "2019/20 Q3", 1, 2, officer)).Succeeded);
        Assert.True((await cycle.CorrectAsync(workspaceId, "2019/20 Q3", "m1", new GoldenThread.Store.Cycle.FigureEntry { Value = "0.7" }, "Late returns counted", 4, plan, officer)).Succeeded);
        db.ActionUpdates.Add(new ActionUpdateRow { WorkspaceId = workspaceId, ReportingPeriod = "2019/20 Q3", ActionCode = "A1", Status = "on-track", Rag = "green", Progress = "Half done", RevisedDue = new DateOnly(2024, 9, 30), UpdatedBy = "Ann O'Neill", UpdatedUtc = Now, Revision = 1 });
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BackupThenRestore_IntoFreshStore_EveryTableEqualRowByRow(StoreProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var target = await TestDatabase.CreateAsync(provider);
        await FillAsync(source.Connection, "test");
        var file = BackupPath(provider);

        var bytes = await StoreBackup.BackupAsync(source.Connection, file);
        var result = await StoreBackup.RestoreAsync(target.Connection, file);

        Assert.Equal(new FileInfo(file).Length, bytes);
        Assert.Equal(["test"], result.Workspaces);
        Assert.Empty(result.PendingMigrations);
        var expected = await TableDump.ReadAsync(source.Connection);
        var actual = await TableDump.ReadAsync(target.Connection);
        await using (var db = source.Connection.CreateContext())
        {
            Assert.Superset(db.Model.GetEntityTypes().Select(e => e.GetTableName()!).ToHashSet(), expected.Keys.ToHashSet());
        }

        foreach (var table in FilledTables)
        {
            Assert.True(expected[table].Count > 0, $"{table} was not filled, so the comparison would prove nothing about it");
        }

        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (table, rows) in expected)
        {
            Assert.Equal(rows, actual[table]);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_GarbageFile_RefusedAndStoreUntouched(StoreProvider provider)
    {
        await using var target = await TestDatabase.CreateAsync(provider);
        await FillAsync(target.Connection, "live");
        var before = await TableDump.ReadAsync(target.Connection);
        var garbage = Path.Combine(_dir, "garbage.db");
        await File.WriteAllTextAsync(garbage, "measure,period,value\nm1,2019/20,12\n");

        var e = await Assert.ThrowsAsync<StoreBackupException>(() => StoreBackup.RestoreAsync(target.Connection, garbage, force: true));

        Assert.Equal($"{garbage}: not a GoldenThread backup; expected a SQLite database or a PostgreSQL custom-format dump, as written by `goldenthread db backup`", e.Message);
        Assert.Equal(before, await TableDump.ReadAsync(target.Connection));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_BackupCutShort_FailsAndStoreUntouched(StoreProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var target = await TestDatabase.CreateAsync(provider);
        await FillAsync(source.Connection, "test");
        await FillAsync(target.Connection, "live");
        var file = BackupPath(provider);
        await StoreBackup.BackupAsync(source.Connection, file);
        var truncated = Path.Combine(_dir, "truncated");
        var whole = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(truncated, whole[..(whole.Length / 2)]);
        var before = await TableDump.ReadAsync(target.Connection);

        var e = await Assert.ThrowsAsync<StoreBackupException>(() => StoreBackup.RestoreAsync(target.Connection, truncated, force: true));

        Assert.Contains(truncated, e.Message);
        Assert.Equal(before, await TableDump.ReadAsync(target.Connection));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_OverStoreWithWorkspaces_RefusedWithoutForceReplacedWithIt(StoreProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var target = await TestDatabase.CreateAsync(provider);
        await FillAsync(source.Connection, "test");
        await FillAsync(target.Connection, "live");
        var file = BackupPath(provider);
        await StoreBackup.BackupAsync(source.Connection, file);
        var before = await TableDump.ReadAsync(target.Connection);

        var e = await Assert.ThrowsAsync<StoreBackupException>(() => StoreBackup.RestoreAsync(target.Connection, file));

        Assert.Equal($"{target.Connection.Describe()} already holds 1 workspace (live); restoring {file} would replace everything in it. Add --force to overwrite it.", e.Message);
        Assert.Equal(before, await TableDump.ReadAsync(target.Connection));

        var forced = await StoreBackup.RestoreAsync(target.Connection, file, force: true);

        Assert.Equal(["test"], forced.Workspaces);
        Assert.Equal(await TableDump.ReadAsync(source.Connection), await TableDump.ReadAsync(target.Connection));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_OtherProvidersBackup_RefusedNamingBoth(StoreProvider provider)
    {
        await using var target = await TestDatabase.CreateAsync(provider);
        await StoreMigrator.MigrateAsync(target.Connection);
        var file = Path.Combine(_dir, "other");
        await File.WriteAllBytesAsync(file, provider == StoreProvider.Sqlite ? "PGDMP\u0001\u000e\0"u8.ToArray() : "SQLite format 3\0\u0010\0"u8.ToArray());

        var e = await Assert.ThrowsAsync<StoreBackupException>(() => StoreBackup.RestoreAsync(target.Connection, file));

        Assert.Equal(provider == StoreProvider.Sqlite
            ? $"{file}: a PostgreSQL dump, but the store is {target.Connection.Describe()}; restore it into a PostgreSQL store, or give a backup of a SQLite store"
            : $"{file}: a SQLite backup, but the store is {target.Connection.Describe()}; restore it into a SQLite store, or give a backup of a PostgreSQL store (pg_dump --format=custom)", e.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_DatabaseThatIsNotAStore_Refused(StoreProvider provider)
    {
        await using var other = await TestDatabase.CreateAsync(provider);
        await using var target = await TestDatabase.CreateAsync(provider);
        var file = BackupPath(provider);
        if (provider == StoreProvider.Sqlite)
        {
            await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            await using var command = conn.CreateCommand();
            command.CommandText = "CREATE TABLE children (id INTEGER PRIMARY KEY, name TEXT)";
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            await using var conn = new NpgsqlConnection(other.Connection.ConnectionString);
            await conn.OpenAsync();
            await using (var command = new NpgsqlCommand("CREATE TABLE children (id integer PRIMARY KEY, name text)", conn))
            {
                await command.ExecuteNonQueryAsync();
            }

            await StoreBackup.BackupAsync(other.Connection, file);
        }

        var e = await Assert.ThrowsAsync<StoreBackupException>(() => StoreBackup.RestoreAsync(target.Connection, file));

        Assert.Equal(provider == StoreProvider.Sqlite
            ? $"{file}: a SQLite database but not a GoldenThread store (it has no __EFMigrationsHistory table)"
            : $"{file}: a PostgreSQL dump but not of a GoldenThread store (it has no __EFMigrationsHistory table)", e.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Backup_StoreMissing_FailsKeepingThePreviousBackupAndWritingNothing(StoreProvider provider)
    {
        var missing = provider == StoreProvider.Sqlite
            ? StoreConnection.ForSqliteFile(Path.Combine(_dir, "missing", "store.db"))
            : new StoreConnection(StoreProvider.Postgres, new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString()) { Database = "gt_missing_" + Guid.NewGuid().ToString("N") }.ConnectionString);
        var file = BackupPath(provider);
        await File.WriteAllTextAsync(file, "last night's backup");

        var e = await Assert.ThrowsAsync<StoreBackupException>(() => StoreBackup.BackupAsync(missing, file));

        Assert.Contains(provider == StoreProvider.Sqlite ? $"{missing.Describe()}: no such file; nothing to back up" : "does not exist", e.Message);
        Assert.Equal("last night's backup", await File.ReadAllTextAsync(file));
        Assert.Equal([file], Directory.GetFiles(_dir, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Backup_SqliteWhileAnotherConnectionHoldsAWriteTransaction_CopiesWhatWasCommitted()
    {
        await using var source = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var target = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        await FillAsync(source.Connection, "test");
        var committed = await TableDump.ReadAsync(source.Connection);
        var file = BackupPath(StoreProvider.Sqlite);

        // The web application in the middle of a write: a transaction begun, a row written, not yet committed.
        await using (var writer = new SqliteConnection(source.Connection.ConnectionString))
        {
            await writer.OpenAsync();
            await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync();
            await using (var insert = writer.CreateCommand())
            {
                insert.CommandText = "INSERT INTO data_protection_keys (\"FriendlyName\", \"Xml\") VALUES ('key-uncommitted', '<key/>')";
                await insert.ExecuteNonQueryAsync();
            }

            await StoreBackup.BackupAsync(source.Connection, file);
            await transaction.CommitAsync();
        }

        await StoreBackup.RestoreAsync(target.Connection, file);
        Assert.Equal(committed, await TableDump.ReadAsync(target.Connection));
    }

    [Fact]
    public void Find_ProgramNowhere_SaysWhatToInstall()
    {
        var e = Assert.Throws<StoreBackupException>(() => PostgresTools.Find("pg_dump", searchPath: _dir, versionsRoot: Path.Combine(_dir, "postgresql")));

        Assert.Equal(
            $"pg_dump was not found on PATH nor in {_dir}/postgresql/*/bin: install PostgreSQL's client programs (Debian and Ubuntu: apt-get install postgresql-client), of the server's major version or newer",
            e.Message);
    }

    [Fact]
    public void Find_NotOnPath_TakesTheHighestInstalledVersion()
    {
        var root = Path.Combine(_dir, "postgresql");
        foreach (var version in new[] { "9.6", "16", "15", "17-beta" })
        {
            Directory.CreateDirectory(Path.Combine(root, version, "bin"));
            File.WriteAllText(Path.Combine(root, version, "bin", "pg_dump"), "");
        }

        Directory.CreateDirectory(Path.Combine(root, "18", "bin"));

        Assert.Equal(Path.Combine(root, "16", "bin", "pg_dump"), PostgresTools.Find("pg_dump", searchPath: "", versionsRoot: root));
    }
}
