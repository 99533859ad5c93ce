using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GoldenThread.Cli.Tests;

/// <summary>
/// The published dashboard says what its JSON twin says: for both Leicestershire samples and three councils in other
/// regions (the 2020-23 plan with <c>--la</c>), every row of dashboard.html is read back with AngleSharp and each cell
/// compared with dashboard.json. The expected text is formatted here from the JSON's numbers with the measure's
/// <c>decimals</c> and <c>unit</c>, as docs/dashboard-json.md says to, not by the formatting code the page uses.
/// </summary>
public sealed partial class PublishedFiguresTests
{
    private const string Dash = "\u2013";

    public static TheoryData<string, string?> Dashboards => new()
    {
        { "leicestershire-2020-23", null },
        { "leicestershire-2015-16-q3", null },
        { "leicestershire-2020-23", "202" }, // Camden, Inner London
        { "leicestershire-2020-23", "330" }, // Birmingham, West Midlands
        { "leicestershire-2020-23", "908" }, // Cornwall, South West
    };

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void DashboardHtml_EveryCell_SaysWhatDashboardJsonSays(string sample, string? la)
    {
        var outDir = CliRunner.TempDirectory();
        string[] council = la is null ? [] : ["--la", la];
        var result = CliRunner.Run(["report", "--sample", sample, .. council, "--out", outDir]);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dashboard.json")));
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(outDir, "dashboard.html")));

        var root = json.RootElement;
        if (la is not null)
        {
            Assert.Equal(int.Parse(la, CultureInfo.InvariantCulture), root.GetProperty("laNumber").GetInt32());
        }

        Assert.Equal(root.GetProperty("council").GetString(), doc.QuerySelector(".govuk-caption-l")!.TextContent);
        var sections = root.GetProperty("sections").EnumerateArray().ToList();
        var tables = doc.QuerySelectorAll("table.app-dashboard").ToList();
        Assert.Equal(sections.Count, tables.Count);
        var compared = 0;
        for (var s = 0; s < sections.Count; s++)
        {
            Assert.Equal(sections[s].GetProperty("themeTitle").GetString(), tables[s].QuerySelector("caption h2")!.TextContent);
            var measures = sections[s].GetProperty("measures").EnumerateArray().ToList();
            var rows = tables[s].QuerySelectorAll("tbody tr[data-measure]").ToList();
            Assert.Equal(measures.Select(m => m.GetProperty("id").GetString()), rows.Select(r => r.GetAttribute("data-measure")));
            for (var r = 0; r < rows.Count; r++)
            {
                CompareRow(measures[r], rows[r]);
                compared++;
            }
        }

        Assert.True(compared >= 20, $"only {compared} rows compared");
    }

    private static void CompareRow(JsonElement m, IElement row)
    {
        var id = m.GetProperty("id").GetString()!;
        var cells = row.Children.ToList();
        Assert.Equal(11, cells.Count);
        void Cell(int index, string expected, string? spoken = null)
        {
            Assert.True(expected == Seen(cells[index]), $"{id}, column {index}: expected \"{expected}\", the page shows \"{Seen(cells[index])}\"");
            if (spoken is not null)
            {
                Assert.True(spoken == Heard(cells[index]), $"{id}, column {index}: expected \"{spoken}\" to be read out, it is \"{Heard(cells[index])}\"");
            }
        }

        // Measure: the title, verbatim.
        Assert.StartsWith(m.GetProperty("title").GetString()!, cells[0].TextContent.Trim(), StringComparison.Ordinal);

        // Updated: Y, N or the missing mark.
        var updated = Bool(m, "updated");
        Cell(1, updated switch { true => "Y", false => "N", null => Dash }, updated switch { true => "Yes", false => "No", null => "No data" });

        // Latest period: the short label (Q3 for a quarter), the full label as its title.
        if (Str(m, "period") is { } period)
        {
            var shortLabel = Str(m, "periodKind") == "financial-quarter" ? "Q" + period[^1] : period;
            Cell(2, shortLabel);
            Assert.Equal(period, cells[2].QuerySelector("span[title]")!.GetAttribute("title"));
        }
        else
        {
            Cell(2, Dash, "no period");
        }

        // Current value: formatted from the number, with the count and provisional status.
        var status = Str(m, "status");
        if (Num(m, "value") is { } value)
        {
            var text = Format(m, value);
            if (Num(m, "numerator") is { } n && (Str(m, "unit") == "percentage" || Str(m, "unit")!.StartsWith("rate per ", StringComparison.Ordinal)))
            {
                text += $" ({n.ToString("#,0.##", CultureInfo.InvariantCulture)})";
            }

            if (status == "provisional")
            {
                text += " (provisional)";
            }

            Assert.Equal(text, m.GetProperty("valueText").GetString());
            Cell(3, status == "provisional" ? text + "p" : text);
        }
        else
        {
            Assert.True(m.GetProperty("suppressed").GetBoolean() || status is null, id);
            Cell(3, Dash + " " + m.GetProperty("valueText").GetString());
        }

        // Direction: the words (and the supplied mark), then the previous value.
        var direction = Capital(m.GetProperty("direction").GetString()!) + Supplied(m, "directionMethod");
        Cell(4, Num(m, "previousValue") is { } previous ? $"{direction} was {Format(m, previous)}" : direction);
        Assert.Equal(direction, Seen(cells[4].QuerySelector(".app-direction")!));

        // RAG: the tag's words, never colour alone.
        Cell(6, (Str(m, "rag") is { } rag ? Capital(rag) : "No rating") + Supplied(m, "ragMethod"));
        Assert.Contains("app-rag--" + (Str(m, "rag") ?? "none"), cells[6].QuerySelector(".govuk-tag")!.ClassList);

        // National quartile.
        Cell(7, m.GetProperty("quartile").ValueKind == JsonValueKind.Number
            ? m.GetProperty("quartile").GetInt32().ToString(CultureInfo.InvariantCulture) + (Str(m, "quartileProvenance") == "supplied" ? "s" : "")
            : Dash);

        // Statistical neighbours: the average and the comparison.
        var sn = Figure(m, "snAverage", "snAverageProvenance");
        Cell(8, Str(m, "snComparison") is { } comparison ? $"{sn} {Capital(comparison)}" : sn);

        // England.
        Cell(9, Figure(m, "england", "englandProvenance"));

        // Target, with the year it is for.
        Cell(10, Str(m, "target") is { } target ? Str(m, "targetYear") is { } year ? $"{target} ({year})" : target : Dash);
    }

    // docs/dashboard-json.md: "Use decimals and unit to display them": thousands separated, the measure's decimal places,
    // % after a percentage, £ before money; a gap between two percentages is in percentage points.
    private static string Format(JsonElement m, double value)
    {
        var decimals = m.GetProperty("decimals").GetInt32();
        // Rounded as a person rounds the figure the data mean (docs/dashboard-json.md): the JSON's number is that figure
        // (15 significant digits, no binary noise), and a half goes away from zero, as in Excel: 5.25 shows 5.3 and a
        // mean of 70.2 and 70.3 shows 70.3.
        var exact = decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        var number = decimal.Round(exact, decimals, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(number).ToString("#,0" + (decimals > 0 ? "." + new string('0', decimals) : ""), CultureInfo.InvariantCulture);
        var sign = number < 0 ? "-" : "";
        return Str(m, "unit") switch
        {
            "percentage" when m.GetProperty("gap").ValueKind == JsonValueKind.Object => $"{sign}{digits} pp",
            "percentage" => $"{sign}{digits}%",
            "currency" => $"{sign}£{digits}",
            _ => sign + digits,
        };
    }

    private static string Figure(JsonElement m, string key, string provenanceKey) =>
        Num(m, key) is { } v ? Format(m, v) + (Str(m, provenanceKey) == "supplied" ? "s" : "") : Dash;

    private static string Supplied(JsonElement m, string methodKey) => Str(m, methodKey) == "supplied" ? "s" : "";

    private static string Capital(string words) => char.ToUpperInvariant(words[0]) + words[1..];

    private static string? Str(JsonElement m, string key) => m.GetProperty(key).ValueKind == JsonValueKind.Null ? null : m.GetProperty(key).GetString();

    private static double? Num(JsonElement m, string key) => m.GetProperty(key).ValueKind == JsonValueKind.Number ? m.GetProperty(key).GetDouble() : null;

    private static bool? Bool(JsonElement m, string key) => m.GetProperty(key).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    // What a sighted reader sees: the text without the words kept for screen readers.
    private static string Seen(IElement cell) => Text(cell, ".govuk-visually-hidden");

    // What a screen reader says: the text without what is hidden from it.
    private static string Heard(IElement cell) => Text(cell, "[aria-hidden=true]");

    private static string Text(IElement cell, string without)
    {
        var copy = (IElement)cell.Clone();
        foreach (var hidden in copy.QuerySelectorAll(without).ToList())
        {
            hidden.Remove();
        }

        // A line break separates words as a space does.
        foreach (var br in copy.QuerySelectorAll("br").ToList())
        {
            br.Replace(copy.Owner!.CreateTextNode(" "));
        }

        return Spaces().Replace(copy.TextContent, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
