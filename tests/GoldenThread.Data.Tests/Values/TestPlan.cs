using GoldenThread.Core;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Plans;

namespace GoldenThread.Data.Tests.Values;

/// <summary>A small made-up plan whose measures cover each unit and frequency the values reader treats differently.</summary>
internal static class TestPlan
{
    public static Plan Instance { get; } = new()
    {
        Name = "Values test plan",
        FirstYear = 2018,
        LastYear = 2021,
        Measures =
        [
            new Measure { Id = "pct-fsm", Title = "% FSM", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.AcademicYear },
            new Measure { Id = "cla-rate", Title = "CLA rate", Unit = MeasureUnit.RatePer(10000), Polarity = Polarity.LowerIsBetter, Frequency = Frequency.FinancialYear, DecimalPlaces = 0 },
            new Measure { Id = "births-rate", Title = "Per 1,000", Unit = MeasureUnit.RatePer(1000), Polarity = Polarity.LowerIsBetter, Frequency = Frequency.CalendarYear },
            new Measure { Id = "ratio-m", Title = "Ratio", Unit = MeasureUnit.Ratio, Polarity = Polarity.NoJudgement, Frequency = Frequency.Quarterly, DecimalPlaces = 2 },
            new Measure { Id = "count-m", Title = "Count", Unit = MeasureUnit.Count, Polarity = Polarity.NoJudgement, Frequency = Frequency.CalendarYear, DecimalPlaces = 0 },
            new Measure { Id = "cp-plans", Title = "CP plans", Unit = MeasureUnit.Count, Polarity = Polarity.NoJudgement, Frequency = Frequency.Snapshot, DecimalPlaces = 0 },
            new Measure { Id = "voice", Title = "Feedback", Unit = MeasureUnit.Score, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.FinancialYear, Qualitative = true },
            new Measure { Id = "pct-other", Title = "% other", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.AcademicYear },
            new Measure
            {
                Id = "gap-m", Title = "Gap", Unit = MeasureUnit.Percentage, Polarity = Polarity.LowerIsBetter, Frequency = Frequency.AcademicYear,
                Gap = new GapDefinition("pct-fsm", "pct-other"),
            },
        ],
    };
}
