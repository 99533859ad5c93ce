using System.Net;
using DocumentFormat.OpenXml.Packaging;

namespace GoldenThread.Web.Tests;

/// <summary>The committee pack as downloads from the dashboard: the same model and renderers as <c>goldenthread pack</c>.</summary>
public sealed class PackDownloadTests
{
    private const string Ws = "/w/leicestershire-2015-16-q3";

    [Fact]
    public async Task PackDocxAndXlsx_PublicSample_OpenWithTheReportAndOneSheetPerAppendix()
    {
        using var app = new AppFactory();
        var client = app.Browser();

        var dashboard = await client.GetStringAsync(Ws + "/dashboard?period=2015%2F16%20Q3");
        Assert.Contains("href=\"/w/leicestershire-2015-16-q3/pack.docx?period=2015%2F16%20Q3\"", dashboard);

        var docx = await client.GetAsync(Ws + "/pack.docx?period=2015%2F16%20Q3");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("leicestershire-2015-16-q3-pack-2015-16-Q3.docx", docx.Content.Headers.ContentDisposition?.FileNameStar ?? docx.Content.Headers.ContentDisposition?.FileName);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Overview", text);
            Assert.Contains("Appendix A", text);
        }

        var xlsx = await client.GetAsync(Ws + "/pack.xlsx?period=2015%2F16%20Q3");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        Assert.True(book.WorkbookPart!.Workbook.Sheets!.ChildElements.Count >= 2);
    }

    [Fact]
    public async Task PackPdf_PublicSample_APdfOfThePack()
    {
        using var app = new AppFactory();
        var client = app.Browser();

        var dashboard = await client.GetStringAsync(Ws + "/dashboard?period=2015%2F16%20Q3");
        Assert.Contains("href=\"/w/leicestershire-2015-16-q3/pack.pdf?period=2015%2F16%20Q3\"", dashboard);
        var pdf = await client.GetAsync(Ws + "/pack.pdf?period=2015%2F16%20Q3");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("leicestershire-2015-16-q3-pack-2015-16-Q3.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        // The second download is the same file, kept rather than printed again.
        Assert.Equal(bytes, await client.GetByteArrayAsync(Ws + "/pack.pdf?period=2015%2F16%20Q3"));
    }

    [Fact]
    public async Task PackPdf_NoChromium_503SayingWhatToInstall_WordStillServed()
    {
        using var app = new AppFactory { Settings = new Dictionary<string, string> { ["GoldenThread:Chromium"] = "/nonexistent/chromium" } };
        var client = app.Browser();

        var pdf = await client.GetAsync(Ws + "/pack.pdf?period=2015%2F16%20Q3");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("apt-get install chromium", await pdf.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Ws + "/pack.docx?period=2015%2F16%20Q3")).StatusCode);
    }

    [Fact]
    public async Task PackDocx_PeriodNotReported_400WithTheReason()
    {
        using var app = new AppFactory();
        var response = await app.Browser().GetAsync(Ws + "/pack.docx?period=1999%2F00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
