using System.Diagnostics;
using System.Globalization;
using System.Text;
using GoldenThread.Store;
using GoldenThread.Store.Accounts;
using GoldenThread.Store.Cycle;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Cli.Tests;

/// <summary>
/// <c>goldenthread figures upload</c>: positioned errors with exit 2, and an apply of thousands of figures killed at several
/// moments leaves the store with all of the upload or none of it (one transaction), its audit rows with it.
/// </summary>
public sealed class FiguresUploadCrashTests : IDisposable
{
    private const string Ws = "crash";
    private const string Email = "officer@council.example";
    private const int Measures = 2000;

    private readonly string _dir = CliRunner.TempDirectory();

    private string StorePath => Path.Combine(_dir, "store.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string PlanYaml()
    {
        var yaml = new StringBuilder("plan: Many measures\nla: 855\nyears: 2015-2018\nthemes:\n  - id: T1\n    title: Theme\n    outcomes:\n      - id: T1.O1\n        title: Outcome\n        measures: [");
        yaml.Append(string.Join(", ", Enumerable.Range(1, Measures).Select(i => "m" + i.ToString(CultureInfo.InvariantCulture))));
        yaml.Append("]\nmeasures:\n");
        for (var i = 1; i <= Measures; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: m{i}\n    title: Measure {i}\n    unit: count\n    polarity: higher-is-better\n");
        }

        return yaml.ToString();
    }

    private string ValuesFile(int value, string name)
    {
        var csv = new StringBuilder("measure,period,value\n");
        for (var i = 1; i <= Measures; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"m{i},2015/16 Q3,{value}\n");
        }

        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>A store with the workspace, an officer and 2015/16 Q3 open: one awaiting figure per measure.</summary>
    private async Task ArrangeAsync()
    {
        var connection = StoreConnection.Parse(StorePath);
        await StoreMigrator.MigrateAsync(connection);
        await using var services = PersonAccounts.Services(connection);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldenThreadDbContext>();
        var workspaces = new WorkspaceStore(db, TimeProvider.System);
        await workspaces.ImportAsync(new WorkspaceImport { WorkspaceId = Ws, PlanYaml = PlanYaml() });
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>();
        var (person, errors) = await PersonAccounts.CreateAsync(users, TimeProvider.System, Email, "Olive Officer", "pewter lagoon saddle quartz");
        Assert.True(person is not null, string.Join("; ", errors));
        await scope.ServiceProvider.GetRequiredService<PeopleStore>().SetRoleAsync(Ws, person.Id, WorkspaceRole.PerformanceOfficer);
        var plan = (await workspaces.LoadPlanAsync(Ws, 1))!.Plan;
        var officer = new Actor(person.Id, "Olive Officer", new WorkspaceAccess(WorkspaceRole.PerformanceOfficer, false, new HashSet<string>(), new HashSet<string>()));
        var opened = await new CycleStore(db, TimeProvider.System).OpenAsync(Ws, Core.Periods.Period.FinancialQuarter(2015, 3),
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), plan, new Dictionary<string, (Core.Measures.Observation, string)>(), officer);
        Assert.True(opened.Succeeded, opened.Message);
    }

    /// <summary>Every figure's value (null while awaiting) and how many audit records there are.</summary>
    private async Task<(IReadOnlyList<double?> Values, int Audit)> ReadAsync()
    {
        await using var db = StoreConnection.Parse(StorePath).CreateContext();
        var values = await db.Figures.AsNoTracking().Where(f => f.WorkspaceId == Ws).Select(f => f.Value).ToListAsync();
        return (values, await db.Audit.CountAsync());
    }

    [Fact]
    public async Task Upload_ARowWrong_PositionedErrorExit2_NothingWritten()
    {
        await ArrangeAsync();
        var path = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(path, "measure,period,value\nm1,2015/16 Q3,4\nm2,2015/16 Q2,5\nm3,2015/16 Q3,lots\n");
        var before = await ReadAsync();

        var result = CliRunner.Run("figures", "upload", "--workspace", Ws, "--file", path, "--as", Email, "--store", StorePath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.csv:4: column 'value'", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        var after = await ReadAsync();
        Assert.All(after.Values, Assert.Null);
        Assert.Equal(before.Audit, after.Audit);

        File.WriteAllText(path, "measure,period,value\nm1,2015/16 Q3,4\nm2,2015/16 Q2,5\n");
        var second = CliRunner.Run("figures", "upload", "--workspace", Ws, "--file", path, "--as", Email, "--store", StorePath);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("bad.csv:3: column 'period'", second.Error);
        Assert.Equal(before.Audit, (await ReadAsync()).Audit);

        var stranger = CliRunner.Run("figures", "upload", "--workspace", Ws, "--file", path, "--as", "nobody@council.example", "--store", StorePath);
        Assert.Equal(2, stranger.ExitCode);
        Assert.Contains("--as", stranger.Error);
    }

    [Fact]
    public async Task Upload_KilledAtSeveralMoments_AllOfItOrNoneOfIt()
    {
        await ArrangeAsync();
        var clock = Stopwatch.StartNew();
        var first = CliRunner.Run("figures", "upload", "--workspace", Ws, "--file", ValuesFile(1, "v1.csv"), "--as", Email, "--store", StorePath);
        Assert.True(first.ExitCode == 0, first.Error);
        var (values, audit) = await ReadAsync();
        Assert.All(values, v => Assert.Equal(1, v));

        double current = 1;
        var outcomes = new List<string>();
        // Kills spread over a whole run as this machine takes it (the first upload, timed): early, in the apply, after it.
        var whole = clock.ElapsedMilliseconds;
        var delays = new[] { 0.3, 0.7, 0.9, 1.3 }.Select(f => (int)(whole * f)).ToArray();
        for (var attempt = 0; attempt < delays.Length; attempt++)
        {
            var next = current + 1;
            var file = ValuesFile((int)next, $"v{next}.csv");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = CliRunner.RepositoryRoot };
            start.Environment["GOLDENTHREAD_STORE"] = "none";
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "goldenthread.dll"), "figures", "upload", "--workspace", Ws, "--file", file, "--as", Email, "--store", StorePath })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var finished = process.WaitForExit(delays[attempt]);
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var (after, auditAfter) = await ReadAsync();
            var distinct = after.Distinct().ToList();
            Assert.True(distinct.Count == 1, $"attempt {attempt} (killed after {delays[attempt]} ms: {!finished}): values {string.Join(", ", distinct)} — part of an upload was written");
            if (distinct[0] == next)
            {
                Assert.Equal(audit + Measures, auditAfter);
                current = next;
                audit = auditAfter;
                outcomes.Add(finished ? "completed" : "committed before the kill");
            }
            else
            {
                Assert.Equal(current, distinct[0]);
                Assert.Equal(audit, auditAfter);
                outcomes.Add("nothing written");
            }
        }

        // Not asserted (timing depends on the machine), but said, so that a run shows whether kills landed mid-apply.
        Console.WriteLine("figures upload killed: " + string.Join(", ", delays.Zip(outcomes, (d, o) => $"{d} ms → {o}")));
    }
}
