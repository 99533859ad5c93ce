using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GoldenThread.Core.Cycle;
using GoldenThread.Store;
using GoldenThread.Store.Cycle;
using GoldenThread.Web.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

/// <summary>
/// The quarter in the browser: the performance officer opens 2015/16 Q3 on the Q3 sample, an owner enters, saves and
/// submits, the officer returns and approves, publication waits for every figure, two sessions on one figure conflict,
/// and a contributor cannot approve.
/// </summary>
public sealed partial class QuarterPagesTests
{
    private const string Q3 = "leicestershire-2015-16-q3";
    private const string Quarter = "/w/" + Q3 + "/quarter";
    private const string Board = Quarter + "/2015-16-q3";
    private const string MyWork = "/w/" + Q3 + "/my-work";
    private const string Label = "2015/16 Q3";

    private static readonly TestPerson Officer = new("officer@council.example", "Pat Officer", "orchid tunnel gravel mint", WorkspaceRole.PerformanceOfficer, Q3);
    private static readonly TestPerson Owner = new("owner@council.example", "Ann Owner", "copper willow beacon fern", WorkspaceRole.Contributor, Q3);
    private static readonly TestPerson OtherOwner = new("other-owner@council.example", "Bob Other", "plaster heron sequin dusk", WorkspaceRole.Contributor, Q3);
    private static readonly TestPerson Viewer = new("q3-viewer@council.example", "Vic Viewer", "meadow violet anchor lime", WorkspaceRole.Viewer, Q3);

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    private static AppFactory App(StoreProvider provider = StoreProvider.Sqlite) => new(provider) { People = [Officer, Owner, OtherOwner, Viewer] };

    /// <summary>The owner keeps the CAMHS waiting time (no figure anywhere, so awaiting) and child protection reviews (in the values file).</summary>
    private static async Task Arrange(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Store.Entities.PersonRow>>();
        var people = scope.ServiceProvider.GetRequiredService<PeopleStore>();
        await people.SetAssignmentsAsync(Q3, (await users.FindByEmailAsync(Owner.Email))!.Id, ["camhs-waiting", "cp-reviews"], []);
        await people.SetAssignmentsAsync(Q3, (await users.FindByEmailAsync(OtherOwner.Email))!.Id, ["youth-custody"], []);
    }

    private static string Figure(string id) => Board + "/figures/" + id;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex Revision();

    private static async Task<(string Token, int Revision)> FormOf(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {page}");
        var revision = Revision().Match(html);
        return (WebUtility.HtmlDecode(token.Groups[1].Value), revision.Success ? int.Parse(revision.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    /// <summary>The revision in the publish form (the board's figure rows carry their own).</summary>
    private static async Task<(string Token, int Revision)> PublishFormOf(HttpClient client)
    {
        var html = await client.GetStringAsync(Board);
        var revision = PublishRevision().Match(html);
        Assert.True(revision.Success, "no publish form on the board");
        return (WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value), int.Parse(revision.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("/publish\" novalidate>.*?name=\"revision\" value=\"(\\d+)\"", RegexOptions.Singleline)]
    private static partial Regex PublishRevision();

    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, string token, params (string Name, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static async Task<HttpResponseMessage> OpenQ3(HttpClient officer)
    {
        var (token, _) = await FormOf(officer, Quarter);
        var due = DateTime.UtcNow.AddDays(30);
        return await Post(officer, Quarter, token, ("period", Label),
            ("due-day", due.Day.ToString(CultureInfo.InvariantCulture)), ("due-month", due.Month.ToString(CultureInfo.InvariantCulture)), ("due-year", due.Year.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<Figure> Stored(AppFactory app, string measure)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CycleStore>().FindFigureAsync(Q3, Label, measure))!;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Quarter_OwnerEntersSubmits_OfficerReturnsThenApproves(StoreProvider provider)
    {
        using var app = App(provider);
        await Arrange(app);
        var officer = await app.SignedInAsync(Officer);
        var owner = await app.SignedInAsync(Owner);

        var opened = await OpenQ3(officer);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(Board, opened.Headers.Location?.OriginalString);
        Assert.Contains(Label, await officer.GetStringAsync(Quarter));

        // The values file's 98.7 for child protection reviews arrives entered; nothing holds a CAMHS waiting time.
        var reviews = await Stored(app, "cp-reviews");
        Assert.Equal((FigureState.Entered, 98.7, "values file"), (reviews.State, reviews.Value!.Value, reviews.Source));
        Assert.Equal(FigureState.Awaiting, (await Stored(app, "camhs-waiting")).State);
        Assert.Contains("id=\"awaiting-camhs-waiting\"", await owner.GetStringAsync(MyWork));
        Assert.DoesNotContain("awaiting-youth-custody", await owner.GetStringAsync(MyWork));

        // A value that is not a number: the values reader's message, beside the field and in the summary.
        var (token, revision) = await FormOf(owner, Figure("camhs-waiting"));
        var bad = await Post(owner, Figure("camhs-waiting"), token, ("revision", revision.ToString(CultureInfo.InvariantCulture)), ("value", "ninety"), ("status", "final"), ("then", "save"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("is not a number", badHtml);
        Assert.Contains("href=\"#value\"", badHtml);
        Assert.Equal(FigureState.Awaiting, (await Stored(app, "camhs-waiting")).State);

        var saved = await Post(owner, Figure("camhs-waiting"), token, ("revision", revision.ToString(CultureInfo.InvariantCulture)), ("value", "12"), ("status", "provisional"),
            ("shows", "Twelve weeks on average."), ("why", "Two vacancies."), ("doing", "Recruiting."), ("then", "save"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entered = await Stored(app, "camhs-waiting");
        Assert.Equal((FigureState.Entered, 12.0, "Twelve weeks on average.", "Two vacancies.", "Recruiting."),
            (entered.State, entered.Value!.Value, entered.Commentary.Shows, entered.Commentary.Why, entered.Commentary.Doing));

        (token, revision) = await FormOf(owner, Figure("camhs-waiting"));
        Assert.Equal(HttpStatusCode.Redirect, (await Post(owner, Figure("camhs-waiting") + "/submit", token, ("revision", revision.ToString(CultureInfo.InvariantCulture)))).StatusCode);
        Assert.Equal(FigureState.Submitted, (await Stored(app, "camhs-waiting")).State);

        (token, revision) = await FormOf(officer, Figure("camhs-waiting"));
        var returned = await Post(officer, Figure("camhs-waiting") + "/return", token, ("revision", revision.ToString(CultureInfo.InvariantCulture)), ("reason", "Give the median, not the mean."));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(FigureState.Returned, (await Stored(app, "camhs-waiting")).State);

        var work = await owner.GetStringAsync(MyWork);
        Assert.Contains("id=\"returned-camhs-waiting\"", work);
        Assert.Contains("Give the median, not the mean.", work);

        (token, revision) = await FormOf(owner, Figure("camhs-waiting"));
        var resubmitted = await Post(owner, Figure("camhs-waiting"), token, ("revision", revision.ToString(CultureInfo.InvariantCulture)), ("value", "11"), ("status", "provisional"),
            ("shows", "Eleven weeks (median)."), ("why", "Two vacancies."), ("doing", "Recruiting."), ("then", "submit"));
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Equal((FigureState.Submitted, 11.0), ((await Stored(app, "camhs-waiting")).State, (await Stored(app, "camhs-waiting")).Value!.Value));

        // Approved from the progress board's button, which comes back to the board.
        (token, _) = await FormOf(officer, Board);
        var approved = await Post(officer, Figure("camhs-waiting") + "/approve", token, ("revision", (await Stored(app, "camhs-waiting")).Revision.ToString(CultureInfo.InvariantCulture)), ("from", "board"));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.StartsWith(Board + "?done=approve", approved.Headers.Location?.OriginalString);
        Assert.Equal(FigureState.Approved, (await Stored(app, "camhs-waiting")).State);

        var page = await owner.GetStringAsync(Figure("camhs-waiting"));
        Assert.Contains("Give the median, not the mean.", page);
        Assert.Contains("Pat Officer", page);
        Assert.DoesNotContain("id=\"enter\"", page);
        Assert.Contains("href=\"/w/" + Q3 + "/quarter\"", page);
    }

    [Fact]
    public async Task Board_CountsPerThemeAndOwner_AndVisitorsSeeNoQuarterLink()
    {
        using var app = App();
        await Arrange(app);
        var officer = await app.SignedInAsync(Officer);
        await OpenQ3(officer);

        var board = await officer.GetStringAsync(Board);
        Assert.Contains("id=\"by-theme\"", board);
        // Ann Owner keeps two measures: CAMHS waiting (awaiting) and child protection reviews (entered from the values file).
        var annRow = Regex.Match(board, "<th scope=\"row\" class=\"govuk-table__header\">Ann Owner</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var counts = Regex.Matches(annRow, "numeric\">(\\d+)</td>").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([1, 1, 0, 0, 0, 0, 0], counts);

        var anonymous = app.Browser();
        Assert.DoesNotContain("href=\"/w/" + Q3 + "/quarter\"", await anonymous.GetStringAsync("/w/" + Q3));
        Assert.Contains("href=\"/w/" + Q3 + "/my-work\"", await (await app.SignedInAsync(Viewer)).GetStringAsync("/w/" + Q3));
    }

    /// <summary>
    /// The board and "my work" are built once per cycle version and kept (docs/benchmarks.md): read before a save, they
    /// must show it on the very next read; and who owns what, which no save of the cycle moves, must show at once too.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BoardAndMyWork_ReadJustAfterASave_ShowIt_AndANewOwnerAtOnce(StoreProvider provider)
    {
        using var app = App(provider);
        await Arrange(app);
        var officer = await app.SignedInAsync(Officer);
        var owner = await app.SignedInAsync(Owner);
        await OpenQ3(officer);

        var before = BoardRow(await officer.GetStringAsync(Board), "camhs-waiting");
        Assert.Contains("Awaiting", before);
        Assert.Contains("Ann Owner", before);
        Assert.DoesNotContain("Bob Other", before);
        Assert.Contains("id=\"awaiting-camhs-waiting\"", await owner.GetStringAsync(MyWork));

        var (token, revision) = await FormOf(owner, Figure("camhs-waiting"));
        var saved = await Post(owner, Figure("camhs-waiting"), token, ("revision", revision.ToString(CultureInfo.InvariantCulture)), ("value", "12"), ("status", "provisional"),
            ("shows", "Twelve weeks."), ("why", "Two vacancies."), ("doing", "Recruiting."), ("then", "save"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = BoardRow(await officer.GetStringAsync(Board), "camhs-waiting");
        Assert.Contains("Entered", after);
        Assert.Contains("12.0 (provisional)", after);
        Assert.Contains("Ann Owner, ", after);
        var work = await owner.GetStringAsync(MyWork);
        Assert.Contains("id=\"entered-camhs-waiting\"", work);
        Assert.DoesNotContain("id=\"awaiting-camhs-waiting\"", work);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Store.Entities.PersonRow>>();
            await scope.ServiceProvider.GetRequiredService<PeopleStore>()
                .SetAssignmentsAsync(Q3, (await users.FindByEmailAsync(OtherOwner.Email))!.Id, ["youth-custody", "camhs-waiting"], []);
        }

        Assert.Contains("Bob Other", BoardRow(await officer.GetStringAsync(Board), "camhs-waiting"));
        Assert.Contains("id=\"entered-camhs-waiting\"", await (await app.SignedInAsync(OtherOwner)).GetStringAsync(MyWork));
    }

    /// <summary>A figure's row of the board's table of figures.</summary>
    private static string BoardRow(string board, string measure)
    {
        var row = Regex.Match(board, $"<tr class=\"govuk-table__row\" id=\"figure-{measure}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"the board has no row for {measure}");
        return row.Groups[1].Value;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Publish_RefusedWhileAnyFigureIsUnsettled_ThenPublished(StoreProvider provider)
    {
        using var app = App(provider);
        await Arrange(app);
        var officer = await app.SignedInAsync(Officer);
        await OpenQ3(officer);

        var (token, revision) = await PublishFormOf(officer);
        var refused = await Post(officer, Board + "/publish", token, ("revision", revision.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("not yet approved or marked not available", html);
        Assert.Contains("camhs-waiting", html);

        // Every figure settled: approved where it has a value, otherwise not available this period.
        using (var scope = app.Services.CreateScope())
        {
            var cycle = scope.ServiceProvider.GetRequiredService<CycleStore>();
            var actor = new Actor(null, "Settler", new WorkspaceAccess(WorkspaceRole.PerformanceOfficer, false, new HashSet<string>(), new HashSet<string>()));
            foreach (var f in await cycle.FiguresAsync(Q3, Label))
            {
                var result = f.Value is null
                    ? await cycle.StepAsync(Q3, Label, f.MeasureId, FigureStep.MarkNotAvailable, "No figure this quarter.", f.Revision, actor)
                    : await cycle.StepAsync(Q3, Label, f.MeasureId, FigureStep.Approve, null, f.Revision, actor);
                Assert.True(result.Succeeded, $"{f.MeasureId}: {result.Message}");
            }
        }

        (token, revision) = await PublishFormOf(officer);
        var published = await Post(officer, Board + "/publish", token, ("revision", revision.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var after = await officer.GetStringAsync(Board);
        Assert.Matches("Published on [^<]+ by Pat Officer", after);
        Assert.DoesNotContain("/publish\"", after);
    }

    [Fact]
    public async Task TwoSessionsSaveTheSameRevision_TheSecondIsToldWhoChangedWhat_AndKeepsWhatTheyTyped()
    {
        using var app = App();
        await Arrange(app);
        var officer = await app.SignedInAsync(Officer);
        var owner = await app.SignedInAsync(Owner);
        await OpenQ3(officer);

        var (ownerToken, ownerRevision) = await FormOf(owner, Figure("camhs-waiting"));
        var (officerToken, officerRevision) = await FormOf(officer, Figure("camhs-waiting"));
        Assert.Equal(ownerRevision, officerRevision);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(owner, Figure("camhs-waiting"), ownerToken,
            ("revision", ownerRevision.ToString(CultureInfo.InvariantCulture)), ("value", "10"), ("status", "final"), ("then", "save"))).StatusCode);
        var second = await Post(officer, Figure("camhs-waiting"), officerToken,
            ("revision", officerRevision.ToString(CultureInfo.InvariantCulture)), ("value", "20"), ("status", "final"), ("then", "save"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Ann Owner changed value", html);
        Assert.Contains("value=\"20\"", html);
        var stored = await Stored(app, "camhs-waiting");
        Assert.Equal(10.0, stored.Value);
        Assert.Equal(stored.Revision, int.Parse(Revision().Match(html).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The note's column holds 4,000 characters; PostgreSQL refused a longer one as a server error before the store checked it.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Note_LongerThanItsColumn_RefusedBesideTheField_NothingSaved(StoreProvider provider)
    {
        using var app = App(provider);
        await Arrange(app);
        await OpenQ3(await app.SignedInAsync(Officer));
        var owner = await app.SignedInAsync(Owner);

        var (token, revision) = await FormOf(owner, Figure("camhs-waiting"));
        var response = await Post(owner, Figure("camhs-waiting"), token, ("revision", revision.ToString(CultureInfo.InvariantCulture)),
            ("value", "12"), ("status", "final"), ("note", new string('n', 4001)), ("then", "save"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#note\"", html);
        Assert.Contains("4001 characters; expected at most 4000", html);
        Assert.Equal(FigureState.Awaiting, (await Stored(app, "camhs-waiting")).State);
    }

    [Fact]
    public async Task Contributor_CannotApproveOrTouchAnotherOwnersFigure()
    {
        using var app = App();
        await Arrange(app);
        await OpenQ3(await app.SignedInAsync(Officer));
        var owner = await app.SignedInAsync(Owner);

        var (token, revision) = await FormOf(owner, Figure("cp-reviews"));
        var r = revision.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(owner, Figure("cp-reviews") + "/approve", token, ("revision", r))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(owner, Figure("youth-custody"), token, ("revision", r), ("value", "3"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(owner, Quarter, token, ("period", "2015/16 Q4"))).StatusCode);
        Assert.Equal(FigureState.Entered, (await Stored(app, "cp-reviews")).State);

        // A viewer reads the board without the officer's buttons.
        var board = await (await app.SignedInAsync(Viewer)).GetStringAsync(Board);
        Assert.Contains("id=\"figures\"", board);
        Assert.DoesNotContain("/approve\"", board);
    }
}
