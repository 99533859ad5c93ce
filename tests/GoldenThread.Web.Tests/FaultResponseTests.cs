using System.Net;
using GoldenThread.Store;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

/// <summary>
/// Responses when something is wrong: error responses carry the security headers every response does; a value stored by
/// an older version that a page cannot show is said on the page, never a 500; X-Forwarded-Proto believed only from a
/// configured proxy.
/// </summary>
public sealed class FaultResponseTests
{
    private const string Ws = "leicestershire-2015-16-q3";

    private static HttpClient Client(WebApplicationFactory<Program> app, string baseAddress = "https://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    private static List<string> MissingSecurityHeaders(HttpResponseMessage response)
    {
        var missing = new List<string>();
        string? One(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;
        if (One("X-Content-Type-Options") != "nosniff")
        {
            missing.Add("X-Content-Type-Options");
        }

        if (One("X-Frame-Options") != "DENY")
        {
            missing.Add("X-Frame-Options");
        }

        if (One("Referrer-Policy") != "same-origin")
        {
            missing.Add("Referrer-Policy");
        }

        if (One("Content-Security-Policy") is not { } csp || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
        {
            missing.Add("Content-Security-Policy");
        }

        if (One("Server") is not null)
        {
            missing.Add("no Server header");
        }

        return missing;
    }

    public static IEnumerable<object[]> ErrorRequests =>
    [
        ["GET", "/no-such-page", 404],
        ["GET", "/w/no-such-workspace", 404],
        ["GET", "/api/v1/workspaces/no-such-workspace", 404],
        ["GET", $"/w/{Ws}/dashboard?period=2015%2F16%20H1", 400],
        ["GET", $"/api/v1/workspaces/{Ws}/measures/cp-reviews/commentary", 401],
        ["POST", "/sign-in", 400],
    ];

    [Theory]
    [MemberData(nameof(ErrorRequests))]
    public async Task ErrorResponse_CarriesTheSecurityHeaders(string method, string path, int status)
    {
        using var app = new AppFactory();
        var client = Client(app);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new FormUrlEncodedContent([]) : null });

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Empty(MissingSecurityHeaders(response));
    }

    [Fact]
    public async Task Fault500_PageAndApi_CarryTheSecurityHeaders()
    {
        // A store that fails on every use after the start: each page that reads a workspace is a fault.
        using var app = new AppFactory { Settings = new Dictionary<string, string> { ["GoldenThread:SeedSamples"] = "false" } }
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<WorkspaceStore>(_ => throw new InvalidOperationException("the store is broken"))));
        var client = Client(app);

        foreach (var path in new[] { "/", "/api/v1/workspaces" })
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("the store is broken", body);
            Assert.Empty(MissingSecurityHeaders(response));
        }
    }

    /// <summary>Values an older version stored, or a hand-edited store holds, that today's readers refuse.</summary>
    public static IEnumerable<object?[]> StoredValues =>
    [
        [StoreProvider.Sqlite, 98.1, 77.0, 78.5],
        [StoreProvider.Postgres, 98.1, 77.0, 78.5],
        [StoreProvider.Sqlite, 1e300, null, null],
        [StoreProvider.Postgres, double.PositiveInfinity, null, null],
        [StoreProvider.Postgres, double.NaN, null, null],
        [StoreProvider.Sqlite, 200.0, 200.0, 100.0],
        [StoreProvider.Sqlite, -5.0, 3.0, -60.0],
        [StoreProvider.Sqlite, 98.1, 77.0, 0.0],
    ];

    [Theory]
    [MemberData(nameof(StoredValues))]
    public async Task StoredValueAPageCannotShow_PagesSaySo_Never500(StoreProvider provider, double value, double? numerator, double? denominator)
    {
        using var app = new AppFactory(provider);
        var client = Client(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/w/{Ws}/measures/cp-reviews")).StatusCode);

        // As an older version stored it, before the reader refused a fractional count of children.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GoldenThreadDbContext>();
            var row = await db.Values.SingleAsync(v => v.WorkspaceId == Ws && v.MeasureId == "cp-reviews" && v.PeriodLabel == "2015/16 Q3");
            (row.Value, row.Numerator, row.Denominator) = (value, numerator, denominator);
            var ws = await db.Workspaces.SingleAsync(w => w.Id == Ws);
            ws.DataVersion++;
            ws.UpdatedUtc = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        var failures = new List<string>();
        foreach (var path in new[]
                 {
                     $"/w/{Ws}/measures/cp-reviews", $"/w/{Ws}/measures/cp-reviews?period=2015%2F16%20Q3", $"/w/{Ws}/measures/cp-reviews.csv",
                     $"/w/{Ws}/dashboard", $"/w/{Ws}/dashboard.xlsx", $"/w/{Ws}/dashboard.csv", $"/w/{Ws}", $"/w/{Ws}/thread",
                     $"/api/v1/workspaces/{Ws}/measures/cp-reviews", $"/api/v1/workspaces/{Ws}/dashboard",
                 })
        {
            using var response = await client.GetAsync(path);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        if (numerator is not null || !double.IsFinite(value))
        {
            var page = await client.GetStringAsync($"/w/{Ws}/measures/cp-reviews");
            Assert.Contains("cannot be shown in full", page);
            Assert.Contains(numerator is null ? "The value stored for 2015/16 Q3 is not a number" : "The counts stored for 2015/16 Q3", page);
        }
    }

    /// <summary>In Development cookies follow the request's scheme, so whether X-Forwarded-Proto was believed shows on them.</summary>
    [Theory]
    [InlineData("10.20.30.40", true)]
    [InlineData("10.20.30.99", false)]
    [InlineData("192.168.7.12", true)]
    public async Task ForwardedProto_BelievedOnlyFromAKnownProxy(string from, bool secure)
    {
        using var app = new AppFactory
        {
            Environment = "Development",
            Settings = new Dictionary<string, string>
            {
                ["GoldenThread:KnownProxies:0"] = "10.20.30.40",
                ["GoldenThread:KnownNetworks:0"] = "192.168.7.0/24",
            },
        };
        var client = Client(app, "http://localhost");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.Add(AppFactory.AddressHeader, from);
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Equal(secure, c.Contains("; secure", StringComparison.OrdinalIgnoreCase)));
    }
}
