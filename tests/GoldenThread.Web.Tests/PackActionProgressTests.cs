using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using GoldenThread.Store;

namespace GoldenThread.Web.Tests;

/// <summary>
/// The committee pack carries the quarter's action progress: a lead's update (status, RAG, note, revised due date) in a
/// published period takes the place of the plan's, in the Word pack the web application serves.
/// </summary>
public sealed class PackActionProgressTests
{
    private const string Ws = "leicestershire-2020-23";
    private const string Api = "/api/v1/workspaces/" + Ws;

    private static readonly TestPerson Officer = new("officer@council.example", "Olive Officer", "pewter lagoon saddle quartz", WorkspaceRole.PerformanceOfficer, Ws);

    [Fact]
    public async Task Pack_PublishedPeriodWithAnActionUpdate_ShowsTheLeadsProgress()
    {
        using var app = new AppFactory { People = [Officer] };
        var officer = await CycleApiTests.TokenClient(app, Officer);
        const string Slug = "2024-25-q4";
        await CycleApiTests.Json(await officer.PostAsJsonAsync($"{Api}/periods", new { period = "2024/25 Q4", due = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }), HttpStatusCode.Created);

        var action = await CycleApiTests.Json(await officer.GetAsync($"{Api}/periods/{Slug}/actions/1.1a"), HttpStatusCode.OK);
        await CycleApiTests.Json(await officer.PutAsJsonAsync($"{Api}/periods/{Slug}/actions/1.1a", new
        {
            status = "at-risk",
            rag = "amber",
            progress = "Pathway drafted with the neonatal unit; sign-off moved to June",
            revisedDue = "2025-06-30",
            revision = action.GetProperty("revision").GetInt32(),
        }), HttpStatusCode.OK);

        var figures = await CycleApiTests.Json(await officer.GetAsync($"{Api}/periods/{Slug}/figures"), HttpStatusCode.OK);
        foreach (var f in figures.EnumerateArray())
        {
            var id = f.GetProperty("measureId").GetString();
            var step = f.GetProperty("state").GetString() is "entered" or "submitted" ? "approve" : "not-available";
            await CycleApiTests.Json(await officer.PostAsJsonAsync($"{Api}/periods/{Slug}/figures/{id}/{step}",
                new { reason = "Not in the sample", revision = f.GetProperty("revision").GetInt32() }), HttpStatusCode.OK);
        }

        var periods = await CycleApiTests.Json(await officer.GetAsync($"{Api}/periods"), HttpStatusCode.OK);
        var revision = periods.EnumerateArray().First(p => p.GetProperty("slug").GetString() == Slug).GetProperty("revision").GetInt32();
        await CycleApiTests.Json(await officer.PostAsJsonAsync($"{Api}/periods/{Slug}/publish", new { revision }), HttpStatusCode.OK);

        var docx = await app.Browser().GetAsync($"/w/{Ws}/pack.docx?period=2024%2F25%20Q4");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var row = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Single(r => r.InnerText.StartsWith("1.1a", StringComparison.Ordinal));
        var cells = row.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Contains("At risk (Amber)", cells);
        Assert.Contains("Pathway drafted with the neonatal unit; sign-off moved to June", cells);
        Assert.Contains("30 June 2025", cells);
    }
}
