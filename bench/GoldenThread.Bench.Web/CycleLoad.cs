using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace GoldenThread.Bench.Web;

/// <summary>A person the benchmark signs in as; an owner also saves one measure's figure over and over.</summary>
public sealed record BenchPerson(string Email, string Password, string? MeasureId);

/// <summary>What the owners did while the pages were read: saves acknowledged, refused, failed, and figures found changed.</summary>
/// <param name="Saves">Saves the application acknowledged (a redirect after the POST).</param>
/// <param name="Conflicts">Saves answered "someone else changed it": each owner has a measure of their own, so expected 0.</param>
/// <param name="Errors">Saves or reads that failed otherwise (a status other than success, a refused connection, a timeout).</param>
/// <param name="LostUpdates">Owners whose figure, read back at the end, is not the last value the application acknowledged.</param>
public sealed record OwnersResult(int Owners, int Saves, int Conflicts, int Errors, int LostUpdates, string? FirstError);

/// <summary>
/// The quarterly cycle under load (issue 10): owners save their figures and commentary through the figure page's form
/// (each save the full browser round trip: GET the form for its antiforgery token and revision, POST it), as many at once
/// as there are owners, while the open-loop generator reads a page at a fixed rate. Lost updates are counted by reading
/// every figure back at the end and comparing it with the last value the application acknowledged for it.
/// </summary>
public static partial class CycleLoad
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"revision\"[^>]*value=\"(\\d+)\"|value=\"(\\d+)\"[^>]*name=\"revision\"")]
    private static partial Regex Revision();

    [GeneratedRegex("id=\"value\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*id=\"value\"")]
    private static partial Regex ValueInput();

    /// <summary>A client with its own cookies, signed in through the sign-in form; throws when sign-in fails.</summary>
    public static async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(Uri baseUrl, BenchPerson person, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { UseProxy = false, UseCookies = true, CookieContainer = cookies, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var page = await client.GetStringAsync("/sign-in", ct);
        using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["email"] = person.Email,
            ["password"] = person.Password,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"signing in as {person.Email} answered {(int)response.StatusCode}");
        }

        return (client, cookies);
    }

    /// <summary>
    /// Runs the owners until <paramref name="stop"/> is cancelled, then reads every figure back. Each owner saves value
    /// 1, 2, 3 … with a commentary naming the save, so the last acknowledged value is known exactly.
    /// </summary>
    /// <param name="think">
    /// How long an owner pauses between one save's answer and opening the form again, on average: each pause is drawn
    /// uniformly from half to one and a half times it, and each owner first waits a random part of it, so that twenty
    /// owners do not save in step. Zero: each saves again as soon as the last save is answered (the stress variant).
    /// </param>
    public static async Task<OwnersResult> RunOwnersAsync(Uri baseUrl, string workspace, string period, IReadOnlyList<(BenchPerson Person, HttpClient Client)> owners, TimeSpan think, CancellationToken stop)
    {
        var saves = 0;
        var conflicts = 0;
        var errors = 0;
        string? firstError = null;
        var acknowledged = new double?[owners.Count];

        async Task OwnerAsync(int index)
        {
            var (person, client) = owners[index];
            var path = $"/w/{workspace}/quarter/{period}/figures/{Uri.EscapeDataString(person.MeasureId!)}";
            // Seeded per owner, so that two runs pause alike.
            var random = new Random(index);
            if (!await PauseAsync(think * random.NextDouble(), stop))
            {
                return;
            }

            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                if (n > 1 && !await PauseAsync(think * (0.5 + random.NextDouble()), stop))
                {
                    return;
                }

                try
                {
                    var form = await client.GetStringAsync(path, CancellationToken.None);
                    using var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = Token(form),
                        ["revision"] = Match(Revision(), form, "revision"),
                        ["value"] = n.ToString(CultureInfo.InvariantCulture),
                        ["status"] = "provisional",
                        ["shows"] = $"Save {n} by {person.Email}.",
                        ["why"] = "Because the benchmark saves it.",
                        ["doing"] = "Saving it again.",
                        ["then"] = "save",
                    }), CancellationToken.None);
                    if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther)
                    {
                        acknowledged[index] = n;
                        Interlocked.Increment(ref saves);
                    }
                    else if (response.StatusCode == HttpStatusCode.Conflict)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"save answered {(int)response.StatusCode}", null);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, owners.Count).Select(OwnerAsync));

        var lost = 0;
        for (var i = 0; i < owners.Count; i++)
        {
            var (person, client) = owners[i];
            var form = await client.GetStringAsync($"/w/{workspace}/quarter/{period}/figures/{Uri.EscapeDataString(person.MeasureId!)}", CancellationToken.None);
            var stored = double.TryParse(Match(ValueInput(), form, "value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null;
            if (acknowledged[i] is { } last && stored != last)
            {
                lost++;
            }
        }

        return new OwnersResult(owners.Count, saves, conflicts, errors, lost, firstError);
    }

    /// <summary>Waits <paramref name="pause"/>; false when the run stops meanwhile.</summary>
    private static async Task<bool> PauseAsync(TimeSpan pause, CancellationToken stop)
    {
        if (pause <= TimeSpan.Zero)
        {
            return !stop.IsCancellationRequested;
        }

        try
        {
            await Task.Delay(pause, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [GeneratedRegex("/quarter/[^/\"]+/figures/([^\"?#/]+)\"")]
    private static partial Regex FigureLink();

    /// <summary>
    /// Opens the reporting period through the periods page's form (a period already open is fine), then lists the measures
    /// the progress board links to, in its order: the owners are given one each.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OpenAsync(HttpClient officer, string workspace, string label, string slug, DateOnly due)
    {
        var page = await officer.GetStringAsync($"/w/{workspace}/quarter");
        using (var response = await officer.PostAsync($"/w/{workspace}/quarter", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["period"] = label,
            ["due-day"] = due.Day.ToString(CultureInfo.InvariantCulture),
            ["due-month"] = due.Month.ToString(CultureInfo.InvariantCulture),
            ["due-year"] = due.Year.ToString(CultureInfo.InvariantCulture),
        })))
        {
            if ((int)response.StatusCode >= 400 && response.StatusCode != HttpStatusCode.Conflict)
            {
                throw new InvalidOperationException($"opening {label} answered {(int)response.StatusCode}");
            }
        }

        var board = await officer.GetStringAsync($"/w/{workspace}/quarter/{slug}");
        return FigureLink().Matches(board).Select(m => WebUtility.UrlDecode(m.Groups[1].Value)).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Token(string html) => Match(Antiforgery(), html, "antiforgery token");

    private static string Match(Regex regex, string html, string what)
    {
        var m = regex.Match(html);
        if (!m.Success)
        {
            throw new InvalidOperationException($"the page has no {what}");
        }

        return WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
    }
}
