using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoldenThread.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

/// <summary>
/// The quarterly cycle through /api/v1 as a performance team's script would drive it, with personal access tokens: the
/// officer opens 2015/16 Q4 on the Q3 sample, a contributor enters and uploads figures and submits, the officer approves,
/// settles the rest and publishes, and the audit trail comes out as CSV. A viewer's token writes nothing.
/// </summary>
public sealed partial class CycleApiTests
{
    private const string Ws = "leicestershire-2015-16-q3";
    private const string Api = "/api/v1/workspaces/" + Ws;
    private const string Q4 = "2015-16-q4";

    private static readonly TestPerson Officer = new("officer@council.example", "Olive Officer", "pewter lagoon saddle quartz", WorkspaceRole.PerformanceOfficer, Ws);
    private static readonly TestPerson Owner = new("owner@council.example", "Owen Owner", "fennel harbour tulip gravel", WorkspaceRole.Contributor, Ws);
    private static readonly TestPerson Viewer = new("viewer@council.example", "Vera Viewer", "copper meadow violin sleet", WorkspaceRole.Viewer, Ws);

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    private static AppFactory App(StoreProvider provider) => new(provider) { People = [Officer, Owner, Viewer] };

    /// <summary>The owner owns cp-reviews and placements-3plus (assigned, as an administrator would in the browser).</summary>
    private static async Task Assign(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Store.Entities.PersonRow>>();
        var owner = (await users.FindByEmailAsync(Owner.Email))!;
        await scope.ServiceProvider.GetRequiredService<PeopleStore>().SetAssignmentsAsync(Ws, owner.Id, ["cp-reviews", "placements-3plus"], []);
    }

    /// <summary>A personal access token made as a person would, on their account's tokens page.</summary>
    internal static async Task<HttpClient> TokenClient(AppFactory app, TestPerson person)
    {
        var browser = await app.SignedInAsync(person);
        var form = await browser.GetStringAsync("/account/tokens");
        var response = await browser.PostAsync("/account/tokens", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(FormToken().Match(form).Groups[1].Value),
            ["name"] = "Quarterly script",
            ["expiry"] = "30",
        }));
        var token = TokenOnPage().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("gt_", token);
        var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> Figure(HttpClient client, string measure) =>
        await Json(await client.GetAsync($"{Api}/periods/{Q4}/figures/{measure}"), HttpStatusCode.OK);

    private static StringContent CsvBody(string text) => new(text, Encoding.UTF8, "text/csv");

    private static string Due => DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Quarter_ByScripts_OpenEnterUploadSubmitApprovePublishAudit(StoreProvider provider)
    {
        using var app = App(provider);
        await Assign(app);
        var officer = await TokenClient(app, Officer);
        var owner = await TokenClient(app, Owner);

        // The officer opens Q4.
        var opened = await Json(await officer.PostAsJsonAsync($"{Api}/periods", new { period = "2015/16 Q4", due = Due }), HttpStatusCode.Created);
        Assert.Equal(("2015/16 Q4", Q4), (opened.GetProperty("label").GetString(), opened.GetProperty("slug").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"{Api}/periods", new { period = "2015/16 Q4", due = Due })).StatusCode);
        var periods = await Json(await officer.GetAsync($"{Api}/periods"), HttpStatusCode.OK);
        Assert.Contains(periods.EnumerateArray(), p => p.GetProperty("slug").GetString() == Q4);

        // A pack is made from published figures only: not for Q4 while it runs, for the team as for visitors.
        var officerBrowser = await app.SignedInAsync(Officer);
        var q4Pack = $"/w/{Ws}/pack.docx?period=2015%2F16%20Q4";
        Assert.Equal(HttpStatusCode.NotFound, (await officerBrowser.GetAsync(q4Pack)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(q4Pack)).StatusCode);

        // The owner enters cp-reviews with commentary; a second save on the old revision is a conflict naming who saved.
        var cp = await Figure(owner, "cp-reviews");
        var revision = cp.GetProperty("revision").GetInt32();
        var entered = await Json(await owner.PutAsJsonAsync($"{Api}/periods/{Q4}/figures/cp-reviews",
            new { value = "98.1", shows = "Reviews on time held up", revision }), HttpStatusCode.OK);
        Assert.Equal(("entered", 98.1), (entered.GetProperty("state").GetString(), entered.GetProperty("value").GetDouble()));
        Assert.Contains("can be downloaded once the period is published", await officerBrowser.GetStringAsync($"/w/{Ws}/dashboard?period=2015%2F16%20Q4"));
        Assert.Equal(HttpStatusCode.NotFound, (await officerBrowser.GetAsync(q4Pack)).StatusCode);
        var stale = await Json(await owner.PutAsJsonAsync($"{Api}/periods/{Q4}/figures/cp-reviews", new { value = "97", revision }), HttpStatusCode.Conflict);
        Assert.Contains(stale.GetProperty("changedSince").EnumerateArray(), c => c.GetProperty("personName").GetString() == Owner.Name && c.GetProperty("field").GetString() == "value");
        var invalid = await Json(await owner.PutAsJsonAsync($"{Api}/periods/{Q4}/figures/cp-reviews",
            new { value = "lots", revision = entered.GetProperty("revision").GetInt32() }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("value", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PutAsJsonAsync($"{Api}/periods/{Q4}/figures/cp-reviews", new { value = "97" })).StatusCode);

        // The owner uploads: a row for a measure not theirs is positioned, and applying with it writes nothing.
        const string Mixed = "measure,period,value\nplacements-3plus,2015/16 Q4,12.1\ncp-second-time,2015/16 Q4,5\n";
        var preview = await Json(await owner.PostAsync($"{Api}/periods/{Q4}/uploads", CsvBody(Mixed)), HttpStatusCode.OK);
        Assert.False(preview.GetProperty("canApply").GetBoolean());
        var error = Assert.Single(preview.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "measure"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString()));
        await Json(await owner.PostAsync($"{Api}/periods/{Q4}/uploads?apply=true", CsvBody(Mixed)), HttpStatusCode.BadRequest);
        var placementsBefore = await Figure(owner, "placements-3plus");
        Assert.NotEqual(12.1, placementsBefore.GetProperty("value").ValueKind == JsonValueKind.Number ? placementsBefore.GetProperty("value").GetDouble() : 0);

        // The corrected file, as multipart: previewed, then applied with the preview's fingerprint.
        const string Good = "measure,period,value\nplacements-3plus,2015/16 Q4,12.1\n";
        var good = await Json(await owner.PostAsync($"{Api}/periods/{Q4}/uploads", Multipart(Good)), HttpStatusCode.OK);
        Assert.Equal(1, good.GetProperty("new").GetInt32() + good.GetProperty("changed").GetInt32());
        var applied = await Json(await owner.PostAsync($"{Api}/periods/{Q4}/uploads?apply=true&fingerprint={good.GetProperty("fingerprint").GetString()}", Multipart(Good)), HttpStatusCode.OK);
        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.Equal(12.1, (await Figure(owner, "placements-3plus")).GetProperty("value").GetDouble());

        // The owner submits; only the officer approves.
        cp = await Figure(owner, "cp-reviews");
        cp = await Json(await owner.PostAsJsonAsync($"{Api}/periods/{Q4}/figures/cp-reviews/submit", new { revision = cp.GetProperty("revision").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal("submitted", cp.GetProperty("state").GetString());
        await Json(await owner.PostAsJsonAsync($"{Api}/periods/{Q4}/figures/cp-reviews/approve", new { revision = cp.GetProperty("revision").GetInt32() }), HttpStatusCode.Forbidden);

        // Publishing now is refused: figures are still awaiting.
        var period = await Json(await officer.GetAsync($"{Api}/periods"), HttpStatusCode.OK);
        var periodRevision = period.EnumerateArray().First(p => p.GetProperty("slug").GetString() == Q4).GetProperty("revision").GetInt32();
        await Json(await officer.PostAsJsonAsync($"{Api}/periods/{Q4}/publish", new { revision = periodRevision }), HttpStatusCode.Conflict);

        // The officer approves what has a figure and marks the rest not available, then publishes.
        var figures = await Json(await officer.GetAsync($"{Api}/periods/{Q4}/figures"), HttpStatusCode.OK);
        foreach (var f in figures.EnumerateArray())
        {
            var id = f.GetProperty("measureId").GetString();
            var step = f.GetProperty("state").GetString() is "entered" or "submitted" ? "approve" : "not-available";
            await Json(await officer.PostAsJsonAsync($"{Api}/periods/{Q4}/figures/{id}/{step}",
                new { reason = "No Q4 figure in the sample", revision = f.GetProperty("revision").GetInt32() }), HttpStatusCode.OK);
        }

        await Json(await officer.PostAsJsonAsync($"{Api}/periods/{Q4}/publish", new { revision = periodRevision }), HttpStatusCode.OK);
        var published = (await Json(await officer.GetAsync($"{Api}/periods"), HttpStatusCode.OK)).EnumerateArray().First(p => p.GetProperty("slug").GetString() == Q4);
        Assert.True(published.GetProperty("published").GetBoolean());
        Assert.Equal(1, (await Figure(officer, "cp-reviews")).GetProperty("version").GetInt32());

        // Published: the pack now carries the approved figure and its approved commentary, for the team and for visitors.
        foreach (var reader in new[] { officerBrowser, app.Browser() })
        {
            var docx = await reader.GetAsync(q4Pack);
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("98.1%", text);
        }

        // The trail: JSON filtered by measure, and the CSV export.
        var trail = await Json(await officer.GetAsync($"{Api}/audit?measure=cp-reviews&period={Q4}"), HttpStatusCode.OK);
        Assert.Equal(new[] { "approved", "submitted", "entered" }, trail.EnumerateArray().Where(a => a.GetProperty("field").GetString() == "state")
            .Select(a => a.GetProperty("newValue").GetString() ?? "").ToArray());
        var csv = await officer.GetAsync($"{Api}/audit.csv?measure=cp-reviews");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at_utc,person_id,person,subject,item,reporting_period,field,old_value,new_value,reason", lines[0]);
        Assert.Contains(lines, l => l.Contains(",Owen Owner,figure,cp-reviews,2015/16 Q4,value,,98.1,", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"{Api}/audit.csv")).StatusCode);
    }

    private static MultipartFormDataContent Multipart(string csv)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "q4.csv");
        return content;
    }

    [Fact]
    public async Task ViewersToken_EveryWrite_Forbidden_NothingWritten()
    {
        using var app = App(StoreProvider.Sqlite);
        await Assign(app);
        var officer = await TokenClient(app, Officer);
        var viewer = await TokenClient(app, Viewer);
        await Json(await officer.PostAsJsonAsync($"{Api}/periods", new { period = "2015/16 Q4", due = Due }), HttpStatusCode.Created);
        var before = await Figure(officer, "cp-reviews");
        var revision = before.GetProperty("revision").GetInt32();

        var writes = new (string Method, string Url, HttpContent Body)[]
        {
            ("POST", $"{Api}/periods", JsonContent.Create(new { period = "2016/17 Q1", due = Due })),
            ("PUT", $"{Api}/periods/{Q4}/figures/cp-reviews", JsonContent.Create(new { value = "1", revision })),
            ("POST", $"{Api}/periods/{Q4}/figures/cp-reviews/submit", JsonContent.Create(new { revision })),
            ("POST", $"{Api}/periods/{Q4}/figures/cp-reviews/approve", JsonContent.Create(new { revision })),
            ("POST", $"{Api}/periods/{Q4}/figures/cp-reviews/not-available", JsonContent.Create(new { reason = "x", revision })),
            ("POST", $"{Api}/periods/{Q4}/figures/cp-reviews/correction", JsonContent.Create(new { value = "1", reason = "x", revision })),
            ("POST", $"{Api}/periods/{Q4}/publish", JsonContent.Create(new { revision = 1 })),
            ("POST", $"{Api}/periods/{Q4}/uploads?apply=true", CsvBody("measure,period,value\ncp-reviews,2015/16 Q4,1\n")),
            ("PUT", $"{Api}/periods/{Q4}/actions/1.1", JsonContent.Create(new { status = "complete", revision = 0 })),
            ("POST", $"{Api}/measures/cp-reviews/evidence", JsonContent.Create(new { period = Q4, quote = "x", revision = 0 })),
        };
        foreach (var (method, url, body) in writes)
        {
            var response = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Api}/periods/{Q4}/figures")).StatusCode);
        Assert.Equal(revision, (await Figure(officer, "cp-reviews")).GetProperty("revision").GetInt32());
        Assert.Single((await Json(await officer.GetAsync($"{Api}/audit"), HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task BrowserSession_WriteWithoutTheAntiforgeryHeader_Refused()
    {
        using var app = App(StoreProvider.Sqlite);
        var officer = await app.SignedInAsync(Officer);

        var response = await officer.PostAsJsonAsync($"{Api}/periods", new { period = "2015/16 Q4", due = Due });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var token = await TokenClient(app, Officer);
        Assert.Empty((await Json(await token.GetAsync($"{Api}/periods"), HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task AuditPage_OfficerReadsAndExports_ContributorRefused()
    {
        using var app = App(StoreProvider.Sqlite);
        await Assign(app);
        var officerApi = await TokenClient(app, Officer);
        await Json(await officerApi.PostAsJsonAsync($"{Api}/periods", new { period = "2015/16 Q4", due = Due }), HttpStatusCode.Created);
        var owner = await TokenClient(app, Owner);
        var revision = (await Figure(owner, "cp-reviews")).GetProperty("revision").GetInt32();
        await Json(await owner.PutAsJsonAsync($"{Api}/periods/{Q4}/figures/cp-reviews", new { value = "98.1", note = "=HYPERLINK(\"http://x\")", revision }), HttpStatusCode.OK);

        var officer = await app.SignedInAsync(Officer);
        var page = await officer.GetStringAsync($"/w/{Ws}/audit?measure=cp-reviews&period={Q4}");
        Assert.Contains("Audit trail", page);
        Assert.Contains("Owen Owner", page);
        Assert.Contains("98.1", page);
        var csv = await (await officer.GetAsync($"/w/{Ws}/audit.csv?measure=cp-reviews")).Content.ReadAsStringAsync();

        // The note, a formula a spreadsheet would run, is written as text.
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Owner)).GetAsync($"/w/{Ws}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Viewer)).GetAsync($"/w/{Ws}/audit.csv")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("id=\"token\" type=\"text\" readonly value=\"(gt_[A-Za-z0-9_-]+)\"")]
    private static partial Regex TokenOnPage();
}
