using System.Net;

namespace GoldenThread.Web.Tests;

/// <summary>The stylesheets, script and GOV.UK Frontend assets are served to everyone, before any route (the 404 fallback included) can claim them.</summary>
public sealed class StaticFilesTests
{
    [Theory]
    [InlineData("/app.css", "text/css")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/govuk/govuk-frontend.min.css", "text/css")]
    public async Task Asset_Anonymous_ServedWithItsType(string path, string type)
    {
        using var app = new AppFactory();
        var response = await app.Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task MissingAsset_Anonymous_404NotASignInPrompt()
    {
        using var app = new AppFactory();
        var response = await app.Browser().GetAsync("/no-such-file.css");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
