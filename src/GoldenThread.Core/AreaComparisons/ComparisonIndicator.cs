using System.Globalization;

namespace GoldenThread.Core.AreaComparisons;

/// <summary>An indicator whose areas are compared with benchmarks: its title, polarity and how its sentence reads.</summary>
/// <remarks>
/// Invariants: <see cref="Id"/> and <see cref="Title"/> are not blank; <see cref="DecimalPlaces"/> is 0 to 4; values are
/// per-cents (0 to 100), the only unit area comparisons take, because a computed interval is a Wilson interval for a
/// proportion. <see cref="StatementTemplate"/>, when given, uses only the placeholders <c>{value}</c>, <c>{group}</c>
/// and <c>{area}</c>.
/// </remarks>
public sealed record ComparisonIndicator
{
    /// <summary>The placeholders a statement template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{value}", "{group}", "{area}"];

    private ComparisonIndicator(string id, string title, Polarity polarity, int decimalPlaces, string? statementTemplate)
    {
        Id = id;
        Title = title;
        Polarity = polarity;
        DecimalPlaces = decimalPlaces;
        StatementTemplate = statementTemplate;
    }

    public string Id { get; }

    public string Title { get; }

    public Polarity Polarity { get; }

    public int DecimalPlaces { get; }

    /// <summary>"{value} of {group} children in {area} are obese"; null for the plain default ("Leicestershire, Reception: Obese 7.5%").</summary>
    public string? StatementTemplate { get; }

    public static ParseResult<ComparisonIndicator> Create(string id, string title, Polarity polarity, int decimalPlaces = 1, string? statementTemplate = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return ParseResult<ComparisonIndicator>.Fail("the indicator id is blank; expected a short name such as obese");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return ParseResult<ComparisonIndicator>.Fail("the title is blank; expected the indicator's name as readers see it, such as Obese");
        }

        if (decimalPlaces is < 0 or > 4)
        {
            return ParseResult<ComparisonIndicator>.Fail($"{decimalPlaces.ToString(CultureInfo.InvariantCulture)} decimal places; expected 0 to 4");
        }

        var template = string.IsNullOrWhiteSpace(statementTemplate) ? null : statementTemplate.Trim();
        if (template is not null && UnknownPlaceholder(template) is { } bad)
        {
            return ParseResult<ComparisonIndicator>.Fail($"the statement uses '{bad}'; expected only {string.Join(", ", Placeholders)}");
        }

        return ParseResult<ComparisonIndicator>.Ok(new(id.Trim(), title.Trim(), polarity, decimalPlaces, template));
    }

    /// <summary>The value as a per-cent with the indicator's decimal places: "20.2%".</summary>
    public string FormatPercent(double valuePercent) =>
        valuePercent.ToString("F" + DecimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    /// <summary>The number alone, for table cells and axes: "20.2".</summary>
    public string FormatNumber(double valuePercent) =>
        valuePercent.ToString("F" + DecimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string? UnknownPlaceholder(string template)
    {
        var start = template.IndexOf('{', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = template.IndexOf('}', start);
            if (end < 0)
            {
                return template[start..];
            }

            var token = template[start..(end + 1)];
            if (!Placeholders.Contains(token))
            {
                return token;
            }

            start = template.IndexOf('{', end);
        }

        return null;
    }
}
