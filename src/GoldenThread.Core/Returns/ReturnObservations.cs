using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Returns;

/// <summary>Inputs to the derivations that the returns do not hold.</summary>
public sealed record ReturnOptions
{
    /// <summary>Children aged 0–17 living in the area (ONS mid-year estimate); rates are left out when null.</summary>
    public double? ChildPopulation { get; init; }

    /// <summary>Days from entering care to moving in with the adoptive family counted as timely (426 = 14 months, the adoption scorecard's A1 threshold for 2013–16).</summary>
    public int AdoptionThresholdDays { get; init; } = 426;
}

/// <summary>Builds observations the same way for every derived figure.</summary>
internal sealed class ObservationSink(ReportingWindow window)
{
    private readonly List<Observation> _items = [];

    public IReadOnlyList<Observation> Items => _items;

    private Observation Base(string id, double? value) => new()
    {
        MeasureId = id,
        Period = window.Period,
        Value = value,
        Status = ValueStatus.Provisional,
        Provenance = Provenance.Computed,
        Note = $"Derived from record-level returns, {window.Describe()}",
    };

    public void Count(string id, int count) => _items.Add(Base(id, count));

    /// <summary>A percentage with its numerator and denominator; no value when nobody is in the denominator.</summary>
    public void Percent(string id, int numerator, int denominator) =>
        _items.Add(denominator == 0
            ? Base(id, null) with { Note = $"No children in the cohort, {window.Describe()}" }
            : Base(id, 100.0 * numerator / denominator) with { Numerator = numerator, Denominator = denominator });

    public void Average(string id, double sum, int n) =>
        _items.Add(n == 0
            ? Base(id, null) with { Note = $"No children in the cohort, {window.Describe()}" }
            : Base(id, sum / n) with { Numerator = sum, Denominator = n });

    public void Rate(string id, int count, double? population)
    {
        if (population is > 0)
        {
            _items.Add(Base(id, 10000.0 * count / population.Value) with { Numerator = count, Denominator = population });
        }
    }
}

/// <summary>Every figure the returns give for one window: the front door of the derivations.</summary>
public static class ReturnMeasures
{
    public static IReadOnlyList<Observation> Derive(LookedAfterData? lookedAfter, CinData? childrenInNeed, ReportingWindow window, ReturnOptions? options = null)
    {
        options ??= new ReturnOptions();
        var all = new List<Observation>();
        if (lookedAfter is not null)
        {
            all.AddRange(LookedAfterMeasures.Derive(lookedAfter, window, options));
        }

        if (childrenInNeed is not null)
        {
            all.AddRange(ChildInNeedMeasures.Derive(childrenInNeed, window, options));
        }

        return all;
    }
}
