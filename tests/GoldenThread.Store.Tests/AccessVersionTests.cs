using GoldenThread.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store.Tests;

/// <summary>
/// The access version (migration <c>AccessVersion</c>): the web application keeps people, roles and assignments in memory
/// under it, so every change to those tables must move it, however it is made, and in the same transaction; other changes
/// must not, or the cache would be renewed by every owner's save.
/// </summary>
public sealed class AccessVersionTests
{
    private const string PlanYaml = """
        plan: Test plan
        la: 855
        years: 2020-2023
        themes:
          - id: T1
            title: Theme one
            outcomes:
              - id: T1.O1
                title: Outcome one
                measures: [m1]
        measures:
          - id: m1
            title: Measure one
            unit: percentage
            polarity: higher-is-better
            frequency: quarterly
        """;

    private static readonly DateTimeOffset Now = new(2024, 5, 1, 9, 30, 0, TimeSpan.Zero);

    private static PersonRow Person(string id) => new()
    {
        Id = id, UserName = id + "@council.example", NormalizedUserName = (id + "@council.example").ToUpperInvariant(),
        Email = id + "@council.example", NormalizedEmail = (id + "@council.example").ToUpperInvariant(), DisplayName = "Person " + id,
        SecurityStamp = "S1", CreatedUtc = Now,
    };

    /// <summary>A migrated store of its own, one context on it and the people store over that context.</summary>
    private sealed class Fixture : IAsyncDisposable
    {
        private TestDatabase _database = null!;

        public GoldenThreadDbContext Db { get; private set; } = null!;

        public PeopleStore People { get; private set; } = null!;

        public static async Task<Fixture> CreateAsync(StoreProvider provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            await StoreMigrator.MigrateAsync(database.Connection);
            var db = database.Connection.CreateContext();
            return new Fixture { _database = database, Db = db, People = new PeopleStore(db, TimeProvider.System) };
        }

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryChangeToPeopleRolesAndAssignments_MovesIt_AndNothingElseDoes(StoreProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var (db, people) = (f.Db, f.People);
        var store = new WorkspaceStore(db, TimeProvider.System);
        await store.ImportAsync(new WorkspaceImport { WorkspaceId = "ws", PlanYaml = PlanYaml });

        async Task<long> Moved(Func<Task> change)
        {
            var before = await people.AccessVersionAsync();
            await change();
            db.ChangeTracker.Clear();
            return await people.AccessVersionAsync() - before;
        }

        // A new person, their role and an assignment, each through EF.
        Assert.True(await Moved(async () => { db.Users.Add(Person("p1")); await db.SaveChangesAsync(); }) > 0);
        Assert.True(await Moved(async () => { db.Memberships.Add(new MembershipRow { WorkspaceId = "ws", PersonId = "p1", Role = "contributor", GrantedUtc = Now }); await db.SaveChangesAsync(); }) > 0);
        Assert.True(await Moved(() => people.SetAssignmentsAsync("ws", "p1", ["m1"], [])) > 0);

        // A new security stamp and a disabled account, as Identity and the administrator's page write them.
        Assert.True(await Moved(async () => { var p = await db.Users.SingleAsync(u => u.Id == "p1"); p.SecurityStamp = "S2"; await db.SaveChangesAsync(); }) > 0);
        Assert.True(await Moved(() => db.Users.Where(u => u.Id == "p1").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledUtc, Now))) > 0);

        // A role changed and taken away, and the assignments deleted, in plain SQL as another program might.
        Assert.True(await Moved(() => db.Database.ExecuteSqlRawAsync("UPDATE memberships SET \"Role\" = 'viewer'")) > 0);
        Assert.True(await Moved(() => db.Assignments.ExecuteDeleteAsync()) > 0);
        Assert.True(await Moved(() => db.Memberships.ExecuteDeleteAsync()) > 0);

        // Not moved by the plan, the values or the workspace's settings.
        Assert.Equal(0, await Moved(() => store.ImportAsync(new WorkspaceImport { WorkspaceId = "ws", PlanYaml = PlanYaml.Replace("Test plan", "Revised plan", StringComparison.Ordinal) })));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AChangeRolledBack_LeavesItWhereItWas(StoreProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var (db, people) = (f.Db, f.People);
        var before = await people.AccessVersionAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Users.Add(Person("p2"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        Assert.Equal(before, await people.AccessVersionAsync());
        Assert.Null(await people.PersonAccessAsync("p2"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PersonAccess_TheRowAndEveryRole(StoreProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var (db, people) = (f.Db, f.People);
        var store = new WorkspaceStore(db, TimeProvider.System);
        await store.ImportAsync(new WorkspaceImport { WorkspaceId = "a", PlanYaml = PlanYaml });
        await store.ImportAsync(new WorkspaceImport { WorkspaceId = "b", PlanYaml = PlanYaml });
        db.Users.Add(Person("p3"));
        db.Memberships.Add(new MembershipRow { WorkspaceId = "a", PersonId = "p3", Role = "performance-officer", GrantedUtc = Now });
        db.Memberships.Add(new MembershipRow { WorkspaceId = "b", PersonId = "p3", Role = "viewer", GrantedUtc = Now });
        await db.SaveChangesAsync();

        var p = await people.PersonAccessAsync("p3");

        Assert.NotNull(p);
        Assert.Equal(("p3", "p3@council.example", "Person p3", "S1", false), (p.Id, p.Email, p.DisplayName, p.SecurityStamp, p.Disabled));
        Assert.Equal(WorkspaceRole.PerformanceOfficer, p.Roles["a"]);
        Assert.Equal(WorkspaceRole.Viewer, p.Roles["b"]);
        Assert.Null(await people.PersonAccessAsync("nobody"));
    }
}
