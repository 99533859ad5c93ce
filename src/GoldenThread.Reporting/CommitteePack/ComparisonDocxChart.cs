using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using GoldenThread.Core.AreaComparisons;
using GoldenThread.Reporting.AreaComparisons;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GoldenThread.Reporting.CommitteePack;

/// <summary>
/// A comparison table as a Word chart (DrawingML, so a clerk can restyle or resize it in Word and it prints as
/// vectors): a horizontal bar per area in the table's order, its 95% interval as error bars, each bar coloured and
/// patterned as the HTML chart colours it (<see cref="AreaComparisonChart.KindOf"/>). Its figures are held in the
/// chart itself, as literals, with no embedded workbook.
/// </summary>
/// <remarks>
/// The chart is an image to a screen reader, so its alternative text is the HTML chart's description, every area's
/// result in words (<see cref="AreaComparisonChart.Description"/>); the table after it holds the same figures. A
/// figure not shown (not published, or withheld for a small count) is a gap, never a bar. The benchmarks are bars of
/// their own (England, the region) rather than the HTML chart's vertical lines, which a Word bar chart cannot draw
/// without a second chart type.
/// </remarks>
internal static class ComparisonDocxChart
{
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const long EmuPerInch = 914400;

    /// <summary>A paragraph holding the chart of <paramref name="table"/>, its part added to <paramref name="main"/>.</summary>
    /// <param name="drawingId">Unique among the document's drawings.</param>
    /// <param name="widthTwips">The width of the text column, in twentieths of a point.</param>
    public static W.Paragraph Paragraph(MainDocumentPart main, ComparisonTable table, uint drawingId, int widthTwips)
    {
        var part = main.AddNewPart<ChartPart>();
        part.ChartSpace = ChartSpace(table);
        var widthEmu = widthTwips * 635L;
        // A little under a quarter of an inch a bar, and room for the axis and its caption: eleven areas' chart and
        // table share a landscape page.
        var heightEmu = (long)((table.Rows.Count * 0.22 + 0.7) * EmuPerInch);
        var inline = new DW.Inline(
            new DW.Extent { Cx = widthEmu, Cy = heightEmu },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties
            {
                Id = drawingId,
                Name = "Chart " + drawingId.ToString(CultureInfo.InvariantCulture),
                Title = AreaComparisonChart.Title(table),
                Description = AreaComparisonChart.Description(table),
            },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(part) }) { Uri = ChartUri }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new W.Paragraph(new W.ParagraphProperties(new W.KeepNext()), new W.Run(new W.Drawing(inline)));
    }

    private static C.ChartSpace ChartSpace(ComparisonTable table)
    {
        var (axisMax, step) = AreaComparisonChart.AxisRange(table);
        var rows = table.Rows;
        var format = table.Indicator.DecimalPlaces > 0 ? "0." + new string('0', table.Indicator.DecimalPlaces) : "0";

        var series = new C.BarChartSeries(
            new C.Index { Val = 0 },
            new C.Order { Val = 0 },
            new C.SeriesText(new C.NumericValue("Per cent")),
            new C.ChartShapeProperties(Fill(BarKind.Similar), Outline("0B0C0C", 3175)),
            new C.InvertIfNegative { Val = false });
        for (var i = 0; i < rows.Count; i++)
        {
            series.Append(new C.DataPoint(
                new C.Index { Val = (uint)i },
                new C.InvertIfNegative { Val = false },
                new C.Bubble3D { Val = false },
                new C.ChartShapeProperties(Fill(AreaComparisonChart.KindOf(rows[i])), Outline("0B0C0C", 3175))));
        }

        // The interval as distances from the value: up to the upper limit, down to the lower (none where incomplete),
        // rounded two places past the indicator's so that 20.2 - 19.3 is held as 0.9, not 0.8999999999999986.
        var places = table.Indicator.DecimalPlaces + 2;
        double? Up(AreaComparisonRow r) => r.ShownInterval95 is { IsComplete: true } ci ? Math.Round(ci.Upper!.Value - r.ShownValuePercent!.Value, places) : null;
        double? Down(AreaComparisonRow r) => r.ShownInterval95 is { IsComplete: true } ci ? Math.Round(r.ShownValuePercent!.Value - ci.Lower!.Value, places) : null;
        series.Append(new C.ErrorBars(
            new C.ErrorBarType { Val = C.ErrorBarValues.Both },
            new C.ErrorBarValueType { Val = C.ErrorValues.Custom },
            new C.NoEndCap { Val = false },
            new C.Plus(Numbers(rows.Select(Up).ToList(), format)),
            new C.Minus(Numbers(rows.Select(Down).ToList(), format)),
            new C.ChartShapeProperties(Outline("0B0C0C", 12700))));

        var names = new C.StringLiteral(new C.PointCount { Val = (uint)rows.Count });
        for (var i = 0; i < rows.Count; i++)
        {
            names.Append(new C.StringPoint(new C.NumericValue(rows[i].Area)) { Index = (uint)i });
        }

        series.Append(new C.CategoryAxisData(names));
        series.Append(new C.Values(Numbers(rows.Select(r => r.ShownValuePercent).ToList(), format)));

        var bars = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false },
            series,
            new C.GapWidth { Val = 60 },
            new C.AxisId { Val = 1 },
            new C.AxisId { Val = 2 });

        // Areas top to bottom in the table's order (a bar chart otherwise starts at the bottom); the value axis then
        // crosses at the last category so that it stays at the foot of the chart.
        var categoryAxis = new C.CategoryAxis(
            new C.AxisId { Val = 1 },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Left },
            new C.MajorTickMark { Val = C.TickMarkValues.None },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
            new C.CrossingAxis { Val = 2 },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 },
            new C.NoMultiLevelLabels { Val = true });
        var valueAxis = new C.ValueAxis(
            new C.AxisId { Val = 2 },
            new C.Scaling(
                new C.Orientation { Val = C.OrientationValues.MinMax },
                new C.MaxAxisValue { Val = axisMax },
                new C.MinAxisValue { Val = 0 }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
            new C.MajorGridlines(new C.ChartShapeProperties(Outline("DEE0E2", 6350))),
            AxisTitle("Per cent; error bars show the 95% confidence interval"),
            new C.NumberingFormat { FormatCode = "0.##", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 1 },
            new C.Crosses { Val = C.CrossesValues.Maximum },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between },
            new C.MajorUnit { Val = step });

        var chart = new C.Chart(
            new C.AutoTitleDeleted { Val = true },
            new C.PlotArea(new C.Layout(), bars, categoryAxis, valueAxis),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });

        return new C.ChartSpace(
            new C.EditingLanguage { Val = "en-GB" },
            new C.RoundedCorners { Val = false },
            chart,
            new C.ChartShapeProperties(new A.NoFill(), new A.Outline(new A.NoFill())),
            TextProperties(900, bold: false));
    }

    /// <summary>Numbers as chart literals; a null is left out, which the chart shows as a gap.</summary>
    private static C.NumberLiteral Numbers(IReadOnlyList<double?> values, string format)
    {
        var literal = new C.NumberLiteral(new C.FormatCode(format), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v && double.IsFinite(v))
            {
                var clean = Core.Measures.MeasureUnit.Clean(v);
                literal.Append(new C.NumericPoint(new C.NumericValue(clean.ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i });
            }
        }

        return literal;
    }

    // The HTML chart's colours (GOV.UK's palette); worse is hatched and a difference without polarity dotted, so
    // colour is never the only cue.
    private static OpenXmlElement Fill(BarKind kind) => kind switch
    {
        BarKind.Benchmark => Solid("505A5F"),
        BarKind.Better => Solid("00703C"),
        BarKind.Worse => Pattern(A.PresetPatternValues.WideUpwardDiagonal, "D4351C"),
        BarKind.Different => Pattern(A.PresetPatternValues.Percent50, "1D70B8"),
        BarKind.Similar => Solid("B1B4B6"),
        _ => Solid("FFFFFF"),
    };

    private static A.SolidFill Solid(string rgb) => new(new A.RgbColorModelHex { Val = rgb });

    private static A.PatternFill Pattern(A.PresetPatternValues preset, string rgb) => new(
        new A.ForegroundColor(new A.RgbColorModelHex { Val = rgb }),
        new A.BackgroundColor(new A.RgbColorModelHex { Val = "FFFFFF" }))
    { Preset = preset };

    private static A.Outline Outline(string rgb, int widthEmu) => new(Solid(rgb)) { Width = widthEmu };

    private static C.Title AxisTitle(string text) => new(
        new C.ChartText(new C.RichText(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(
                new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 900, Bold = false }),
                new A.Run(new A.RunProperties { Language = "en-GB", FontSize = 900, Bold = false }, new A.Text(text))))),
        new C.Overlay { Val = false });

    private static C.TextProperties TextProperties(int hundredthsOfAPoint, bool bold) => new(
        new A.BodyProperties(),
        new A.ListStyle(),
        new A.Paragraph(
            new A.ParagraphProperties(new A.DefaultRunProperties(new A.LatinFont { Typeface = "Arial" }, new A.ComplexScriptFont { Typeface = "Arial" })
            {
                FontSize = hundredthsOfAPoint,
                Bold = bold,
            }),
            new A.EndParagraphRunProperties { Language = "en-GB" }));
}
