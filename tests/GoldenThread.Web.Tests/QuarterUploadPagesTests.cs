using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using GoldenThread.Core.Cycle;
using GoldenThread.Core.Measures;
using GoldenThread.Store;
using GoldenThread.Store.Cycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

/// <summary>
/// The quarter's uploads and updates in the browser (docs/cycle.md): a values file previewed then applied all or
/// nothing, a new plan previewed then made the next version, action updates and evidence with its publishable flag.
/// </summary>
public sealed partial class QuarterUploadPagesTests
{
    private const string Leics = TestPerson.Leicestershire;
    private const string Quarter = "2022/23 Q3";
    private const string QuarterSlug = "2022-23-q3";
    private const string Upload = "/w/" + Leics + "/quarter/upload";

    private static readonly TestPerson Officer = TestPerson.HeadOfService;

    // Named as the plan names the lead of actions 1.1a-1.1c; assigned measure a1-gld in Arrange.
    private static readonly TestPerson Contributor = new("contrib@council.example", "Head of Service - Education Quality and Effectiveness", "saffron kettle ladder moss", WorkspaceRole.Contributor, Leics);
    private static readonly TestPerson Admin = new("leics-admin@council.example", "Leics Administrator", "tangerine harbour velvet spoon", WorkspaceRole.Administrator, Leics);
    private static readonly TestPerson Viewer = new("viewer@council.example", "A Viewer", "violet anchor pepper tide", WorkspaceRole.Viewer, Leics);

    private static readonly Actor System = new(null, "Test set-up", new WorkspaceAccess(WorkspaceRole.PerformanceOfficer, false, new HashSet<string>(), new HashSet<string>()));

    private static AppFactory App(StoreProvider provider = StoreProvider.Sqlite) => new(provider) { People = [Officer, Contributor, Admin, Viewer] };

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"no hidden field {name}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static async Task<string> TokenFrom(HttpClient client, string url) =>
        WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync(url)).Groups[1].Value);

    /// <summary>Opens <paramref name="label"/> on the workspace with the plan in force, and assigns the contributor's measure.</summary>
    private static async Task OpenAsync(AppFactory app, string label)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var store = sp.GetRequiredService<WorkspaceStore>();
        var plan = (await store.LoadPlanAsync(Leics, (await store.FindAsync(Leics))!.PlanVersion))!.Plan;
        var opened = await sp.GetRequiredService<CycleStore>().OpenAsync(Leics, CycleStore.ReportingPeriodOf(label), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), plan,
            new Dictionary<string, (Observation, string)>(), System);
        Assert.True(opened.Succeeded, opened.Message);
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Store.Entities.PersonRow>>();
        await sp.GetRequiredService<PeopleStore>().SetAssignmentsAsync(Leics, (await users.FindByEmailAsync(Contributor.Email))!.Id, ["a1-gld"], []);
    }

    private static async Task<T> WithStore<T>(AppFactory app, Func<IServiceProvider, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider);
    }

    private static Task<Figure> FigureAsync(AppFactory app, string measure) =>
        WithStore(app, async sp => (await sp.GetRequiredService<CycleStore>().FindFigureAsync(Leics, Quarter, measure))!);

    private static Task<HttpResponseMessage> PostFile(HttpClient client, string url, string tokenFrom, string fileName, string text) =>
        PostFile(client, url, tokenFrom, fileName, Encoding.UTF8.GetBytes(text));

    private static async Task<HttpResponseMessage> PostFile(HttpClient client, string url, string tokenFrom, string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent { { new StringContent(await TokenFrom(client, tokenFrom)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(url, form);
    }

    private static async Task<HttpResponseMessage> PostFields(HttpClient client, string url, string tokenFrom, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(await TokenFrom(client, tokenFrom)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return await client.PostAsync(url, form);
    }

    /// <summary>Whether the page lists a problem at this row and column (the problems table's cells, in order).</summary>
    private static bool ListsProblem(string html, int row, string column) =>
        Regex.IsMatch(html, $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{row}</td>\\s*<td class=\"govuk-table__cell\">{Regex.Escape(column)}</td>");

    [Fact]
    public async Task ValuesUpload_MistakesListedByRowAndColumnNothingWritten_FixedFileAppliedAndAudited()
    {
        using var app = App();
        await OpenAsync(app, Quarter);
        var officer = await app.SignedInAsync(Officer);
        var gld = (await FigureAsync(app, "a1-gld")).Period.Label;
        var fsm = (await FigureAsync(app, "a1-gld-fsm")).Period.Label;

        // A value the reader refuses (row 3): the file is listed with its problem, and no preview is made.
        var unreadable = await PostFile(officer, Upload, Upload, "q3.csv", $"measure,period,value\na1-gld,{gld},71.5\na1-gld-fsm,{fsm},12;5\n");
        var html = await unreadable.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.True(ListsProblem(html, 3, "value"), html);

        // A period no open reporting period asks for (row 3): the preview lists it and offers no Apply.
        var mistaken = await PostFile(officer, Upload, Upload, "q3.csv", $"measure,period,value\na1-gld,{gld},71.5\na1-gld-fsm,2001/02,52.5\n");
        html = await mistaken.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, mistaken.StatusCode);
        Assert.True(ListsProblem(html, 3, "period"), html);
        Assert.DoesNotContain("Apply the upload", html);
        Assert.Equal(FigureState.Awaiting, (await FigureAsync(app, "a1-gld")).State);
        Assert.Null((await FigureAsync(app, "a1-gld")).Value);

        // Fixed: both new, then applied.
        var fixedFile = await PostFile(officer, Upload, Upload, "q3.csv", $"measure,period,value\na1-gld,{gld},71.5\na1-gld-fsm,{fsm},52.5\n");
        html = await fixedFile.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, fixedFile.StatusCode);
        Assert.Matches("New figures</dt><dd class=\"govuk-summary-list__value\">2<", html);
        Assert.Equal(FigureState.Awaiting, (await FigureAsync(app, "a1-gld")).State);
        var applied = await PostFields(officer, Upload + "/apply", Upload,
            ("fileName", Hidden(html, "fileName")), ("content", Hidden(html, "content")), ("fingerprint", Hidden(html, "fingerprint")));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Contains("2 figures were entered", await officer.GetStringAsync(applied.Headers.Location!.OriginalString));

        var entered = await FigureAsync(app, "a1-gld");
        Assert.Equal((FigureState.Entered, 71.5), (entered.State, entered.Value));
        Assert.Equal(52.5, (await FigureAsync(app, "a1-gld-fsm")).Value);
        var audit = await WithStore(app, sp => sp.GetRequiredService<CycleStore>().AuditAsync(Leics, "a1-gld", Quarter));
        var value = Assert.Single(audit, a => a.Field == "value");
        Assert.Equal((null, "71.5", "uploaded in q3.csv", Officer.Name), (value.OldValue, value.NewValue, value.Reason, value.PersonName));
    }

    [Fact]
    public async Task ValuesUpload_FiguresChangedAfterThePreview_NothingAppliedAndTheNewPreviewShown()
    {
        using var app = App();
        await OpenAsync(app, Quarter);
        var officer = await app.SignedInAsync(Officer);
        var gld = (await FigureAsync(app, "a1-gld")).Period.Label;
        var preview = await (await PostFile(officer, Upload, Upload, "q3.csv", $"measure,period,value\na1-gld,{gld},71.5\n")).Content.ReadAsStringAsync();

        // The measure's owner enters the figure by hand meanwhile.
        var plan = (await WithStore(app, async sp => await sp.GetRequiredService<WorkspaceStore>().LoadPlanAsync(Leics, (await sp.GetRequiredService<WorkspaceStore>().FindAsync(Leics))!.PlanVersion)))!.Plan;
        Assert.True((await WithStore(app, sp => sp.GetRequiredService<CycleStore>().EnterAsync(Leics, Quarter, "a1-gld", new FigureEntry { Value = "70" }, 1, plan, System))).Succeeded);

        var stale = await PostFields(officer, Upload + "/apply", Upload,
            ("fileName", Hidden(preview, "fileName")), ("content", Hidden(preview, "content")), ("fingerprint", Hidden(preview, "fingerprint")));
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed after the preview", html);
        Assert.Matches("Changed figures</dt><dd class=\"govuk-summary-list__value\">1<", html);
        Assert.Equal(70, (await FigureAsync(app, "a1-gld")).Value);
    }

    [Fact]
    public async Task ValuesUpload_ContributorUploadsAnotherOwnersMeasure_RowErrorAndNoApply()
    {
        using var app = App();
        await OpenAsync(app, Quarter);
        var contributor = await app.SignedInAsync(Contributor);
        var fsm = (await FigureAsync(app, "a1-gld-fsm")).Period.Label;

        var response = await PostFile(contributor, Upload, Upload, "mine.csv", $"measure,period,value\na1-gld-fsm,{fsm},52.5\n");
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(ListsProblem(html, 2, "measure"), html);
        Assert.Contains("is not one of your measures", html);
        Assert.DoesNotContain("Apply the upload", html);
        Assert.Null((await FigureAsync(app, "a1-gld-fsm")).Value);
    }

    [Theory]
    [InlineData("values.xls", "old Excel workbook")]
    [InlineData("values.txt", "must be a CSV or XLSX values file")]
    public async Task ValuesUpload_NotACsvOrXlsx_RefusedWithAClearMessage(string name, string message)
    {
        using var app = App();
        var officer = await app.SignedInAsync(Officer);
        var response = await PostFile(officer, Upload, Upload, name, "measure,period,value\n");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ValuesUpload_OverFiveMegabytes_RefusedWithAClearMessage()
    {
        using var app = App();
        var officer = await app.SignedInAsync(Officer);
        var response = await PostFile(officer, Upload, Upload, "big.csv", "measure,period,value\n" + new string('x', 5 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be 5 MB or smaller", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ValuesUpload_ByteThatIsNotUtf8_RefusedAtItsRowAndColumn()
    {
        using var app = App();
        var officer = await app.SignedInAsync(Officer);
        // Row 3's value holds 0xFF (Latin-1's ÿ) after "9": the line's 30th character.
        byte[] bytes = [.. "measure,period,value\ncp-reviews,2015/16 Q4,98\nplacements-3plus,2015/16 Q4,9"u8, 0xFF, .. "8\n"u8];

        var response = await PostFile(officer, Upload, Upload, "latin1.csv", bytes);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not UTF-8 text (byte 0xFF at character 30 of the line", html, StringComparison.Ordinal);
        Assert.Matches(@"<td class=""govuk-table__cell govuk-table__cell--numeric"">3</td>\s*<td class=""govuk-table__cell"">value</td>", html);
    }

    [Fact]
    public async Task ValuesApply_FiveMegabyteFileCarriedAsBase64_ReachesTheReader()
    {
        using var app = App();
        var officer = await app.SignedInAsync(Officer);
        // 4.5 MB that is not UTF-8: about 6 MB of base64, over the framework's 4 MB default for one form value.
        var content = Convert.ToBase64String(Enumerable.Repeat((byte)0xFF, 4_500_000).ToArray());

        var response = await PostFields(officer, Upload + "/apply", Upload, ("fileName", "carried.csv"), ("content", content), ("fingerprint", "x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not UTF-8 text", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/w/" + Leics + "/quarter/upload")]
    [InlineData("/w/" + Leics + "/plan/upload")]
    public async Task Upload_BodyOverTheEndpointsLimit_RefusedNotAFault(string url)
    {
        using var app = App();
        var admin = await app.SignedInAsync(Admin);
        var response = await PostFile(admin, url, url, "huge.csv", new string('x', 9 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PlanUpload_PreviewListsAnAddedMeasureAndAChangedTarget_ApplyMakesTheNextVersionAudited()
    {
        using var app = App();
        var admin = await app.SignedInAsync(Admin);
        var before = await WithStore(app, sp => sp.GetRequiredService<WorkspaceStore>().FindAsync(Leics));
        var yaml = await WithStore(app, sp => sp.GetRequiredService<Store.GoldenThreadDbContext>().PlanVersions
            .Where(p => p.WorkspaceId == Leics && p.Version == before!.PlanVersion).Select(p => p.YamlText).SingleAsync());
        const string stepBackUpTarget = "      2022/23: reduce\n  - id: a2-cfws-sustained-improvement";
        Assert.Contains(stepBackUpTarget, yaml);
        var changed = yaml
            .Replace(stepBackUpTarget, "      2022/23: increase\n  - id: a2-cfws-sustained-improvement", StringComparison.Ordinal)
            .Replace("\nmeasures:\n", "\nmeasures:\n  - id: a1-new-measure\n    title: \"Children heard at their review\"\n    unit: percentage\n    polarity: higher-is-better\n    frequency: quarterly\n", StringComparison.Ordinal);

        var preview = await PostFile(admin, $"/w/{Leics}/plan/upload", $"/w/{Leics}/plan/upload", "plan-v2.yaml", changed);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Matches("Measures added \\(1\\)</caption>[\\s\\S]*a1-new-measure", html);
        Assert.Matches("Targets changed \\(1\\)</caption>[\\s\\S]*a2-step-back-up", html);
        Assert.Equal(before!.PlanVersion, (await WithStore(app, sp => sp.GetRequiredService<WorkspaceStore>().FindAsync(Leics)))!.PlanVersion);

        var applied = await PostFields(admin, $"/w/{Leics}/plan/upload/apply", $"/w/{Leics}/plan/upload",
            ("fileName", Hidden(html, "fileName")), ("yaml", Hidden(html, "yaml")), ("planVersion", Hidden(html, "planVersion")));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        var after = (await WithStore(app, sp => sp.GetRequiredService<WorkspaceStore>().FindAsync(Leics)))!;
        Assert.Equal(before.PlanVersion + 1, after.PlanVersion);
        Assert.Equal((before.UsesLait, before.DashboardPublic), (after.UsesLait, after.DashboardPublic));
        var plan = (await WithStore(app, sp => sp.GetRequiredService<WorkspaceStore>().LoadPlanAsync(Leics, after.PlanVersion)))!.Plan;
        Assert.NotNull(plan.FindMeasure("a1-new-measure"));
        var audit = Assert.Single(await WithStore(app, sp => sp.GetRequiredService<CycleStore>().AuditAsync(Leics)), a => a.Subject == "plan");
        Assert.Equal(
            ((before.PlanVersion + 1).ToString(), "version", before.PlanVersion.ToString(), (before.PlanVersion + 1).ToString(), "plan-v2.yaml", Admin.Name),
            (audit.ItemId, audit.Field, audit.OldValue, audit.NewValue, audit.Reason, audit.PersonName));
    }

    [Fact]
    public async Task PlanUpload_UnreadableYaml_ProblemListedByLineAndNothingChanged()
    {
        using var app = App();
        var admin = await app.SignedInAsync(Admin);
        var before = (await WithStore(app, sp => sp.GetRequiredService<WorkspaceStore>().FindAsync(Leics)))!.PlanVersion;

        var response = await PostFile(admin, $"/w/{Leics}/plan/upload", $"/w/{Leics}/plan/upload", "broken.yaml", "plan: \"A plan\"\nthemes:\n  - id: [unclosed\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot be read", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await WithStore(app, sp => sp.GetRequiredService<WorkspaceStore>().FindAsync(Leics)))!.PlanVersion);
    }

    private const string ActionForm = "/w/" + Leics + "/quarter/" + QuarterSlug + "/actions/1.1a";

    [Fact]
    public async Task ActionUpdate_SavedThenAStaleFormIsToldWhoChangedWhat()
    {
        using var app = App();
        await OpenAsync(app, Quarter);
        var officer = await app.SignedInAsync(Officer);
        var contributor = await app.SignedInAsync(Contributor);
        // The lead opens the form before the officer saves.
        var staleRevision = Hidden(await contributor.GetStringAsync(ActionForm), "revision");
        Assert.Equal("0", staleRevision);

        var saved = await PostFields(officer, ActionForm, ActionForm, ("status", "on-track"), ("rag", "green"), ("progress", "Pathway drafted"),
            ("revisedDue-day", "31"), ("revisedDue-month", "3"), ("revisedDue-year", "2023"), ("revision", "0"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await officer.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("On track", list);
        Assert.Contains("Pathway drafted", list);
        Assert.Contains("31 March 2023", list);

        var conflict = await PostFields(contributor, ActionForm, ActionForm, ("status", "at-risk"), ("rag", "amber"), ("progress", "Waiting on health partners"), ("revision", staleRevision));
        var html = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains($"{Officer.Name} changed status from “nothing” to “on-track”", html);
        Assert.Contains("Waiting on health partners", html);
        var update = Assert.Single(await WithStore(app, sp => sp.GetRequiredService<CycleStore>().ActionUpdatesAsync(Leics, Quarter)));
        Assert.Equal(("on-track", "green", "Pathway drafted", new DateOnly(2023, 3, 31)), (update.Status, update.Rag, update.Progress, update.RevisedDue));
    }

    [Theory]
    [InlineData("31", "2", "2023")]
    [InlineData("1", "", "2023")]
    [InlineData("x", "3", "2023")]
    public async Task ActionUpdate_NotARealRevisedDueDate_Refused(string day, string month, string year)
    {
        using var app = App();
        await OpenAsync(app, Quarter);
        var officer = await app.SignedInAsync(Officer);
        var response = await PostFields(officer, ActionForm, ActionForm, ("status", "on-track"), ("rag", "none"), ("revisedDue-day", day), ("revisedDue-month", month), ("revisedDue-year", year), ("revision", "0"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a real date", await response.Content.ReadAsStringAsync());
        Assert.Empty(await WithStore(app, sp => sp.GetRequiredService<CycleStore>().ActionUpdatesAsync(Leics, Quarter)));
    }

    private const string Evidence = "/w/" + Leics + "/measures/a1-gld/evidence";

    [Fact]
    public async Task Evidence_PublishableShownToVisitorsOnlyOnceItsQuarterIsPublished()
    {
        using var app = App();
        const string earlier = "2022/23 Q2";
        await OpenAsync(app, earlier);
        var officer = await app.SignedInAsync(Officer);
        async Task Add(string quote, string period, bool publishable)
        {
            var fields = new List<(string, string)> { ("quote", quote), ("attribution", "A young person, 15"), ("period", period) };
            if (publishable)
            {
                fields.Add(("publishable", "yes"));
            }

            Assert.Equal(HttpStatusCode.Redirect, (await PostFields(officer, Evidence, Evidence, [.. fields])).StatusCode);
        }

        await Add("My worker listened to me", earlier, publishable: true);
        await Add("Not for publication", earlier, publishable: false);
        await PublishAsync(app, earlier);
        await OpenAsync(app, Quarter);
        await Add("Said in a quarter not yet published", Quarter, publishable: true);

        var visitor = await app.Browser().GetStringAsync("/w/" + Leics + "/measures/a1-gld");
        Assert.Contains("What children and families told us", visitor);
        Assert.Contains("My worker listened to me", visitor);
        Assert.DoesNotContain("Not for publication", visitor);
        Assert.DoesNotContain("Said in a quarter not yet published", visitor);

        var member = await (await app.SignedInAsync(Viewer)).GetStringAsync("/w/" + Leics + "/measures/a1-gld");
        Assert.Contains("My worker listened to me", member);
        Assert.Contains("Said in a quarter not yet published", member);
        Assert.DoesNotContain("Not for publication", member);

        // The evidence page lists every quote, with its flag, to everyone in the workspace.
        var list = await (await app.SignedInAsync(Viewer)).GetStringAsync(Evidence);
        Assert.Contains("Not for publication", list);
        Assert.DoesNotContain("Add evidence", list);
    }

    [Fact]
    public async Task Evidence_EditedWithAStaleRevision_ToldWhoChangedWhatAndNothingOverwritten()
    {
        using var app = App();
        await OpenAsync(app, Quarter);
        var officer = await app.SignedInAsync(Officer);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFields(officer, Evidence, Evidence, ("quote", "First words"), ("period", Quarter))).StatusCode);
        var item = Assert.Single(await WithStore(app, sp => sp.GetRequiredService<CycleStore>().EvidenceAsync(Leics, "a1-gld")));
        var edit = $"{Evidence}/{item.Id}";
        var contributor = await app.SignedInAsync(Contributor);
        var stale = Hidden(await contributor.GetStringAsync(edit), "revision");

        Assert.Equal(HttpStatusCode.Redirect, (await PostFields(officer, edit, edit, ("quote", "First words"), ("publishable", "yes"), ("revision", stale))).StatusCode);
        var conflict = await PostFields(contributor, edit, edit, ("quote", "Reworded by the owner"), ("revision", stale));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains($"{Officer.Name} changed publishable from “no” to “yes”", WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync()));
        var now = Assert.Single(await WithStore(app, sp => sp.GetRequiredService<CycleStore>().EvidenceAsync(Leics, "a1-gld")));
        Assert.Equal(("First words", true), (now.Quote, now.Publishable));
    }

    /// <summary>Marks every figure of the period not available, then publishes it.</summary>
    private static async Task PublishAsync(AppFactory app, string label)
    {
        using var scope = app.Services.CreateScope();
        var cycle = scope.ServiceProvider.GetRequiredService<CycleStore>();
        foreach (var f in await cycle.FiguresAsync(Leics, label))
        {
            Assert.True((await cycle.StepAsync(Leics, label, f.MeasureId, FigureStep.MarkNotAvailable, "Not collected in the test", f.Revision, System)).Succeeded);
        }

        var period = (await cycle.FindPeriodAsync(Leics, label))!;
        var info = (await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().FindAsync(Leics))!;
        Assert.True((await cycle.PublishAsync(Leics, label, period.Revision, info.PlanVersion, System)).Succeeded);
    }
}
