namespace GoldenThread.Core;

/// <summary>Which way is better for a measure.</summary>
public enum Polarity
{
    /// <summary>No judgement: the measure is monitored, and no direction, RAG by bound or quartile is inferred.</summary>
    NoJudgement = 0,
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

public static class PolarityExtensions
{
    /// <summary>
    /// +1 when a higher value is better, -1 when lower is better, 0 when there is no judgement;
    /// multiply a difference by this to get "positive means better".
    /// </summary>
    public static int Sign(this Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => 1,
        Polarity.LowerIsBetter => -1,
        _ => 0,
    };

    /// <summary>Parses the forms people and LAIT write: <c>High</c>, <c>Low</c>, <c>higher-is-better</c>, <c>-</c>, <c>NA</c>, <c>none</c>.</summary>
    public static ParseResult<Polarity> Parse(string? text)
    {
        var t = (text ?? "").Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        return t switch
        {
            "high" or "higher" or "higher-is-better" or "up" => ParseResult<Polarity>.Ok(Polarity.HigherIsBetter),
            "low" or "lower" or "lower-is-better" or "down" => ParseResult<Polarity>.Ok(Polarity.LowerIsBetter),
            "-" or "na" or "none" or "no-judgement" or "neutral" => ParseResult<Polarity>.Ok(Polarity.NoJudgement),
            _ => ParseResult<Polarity>.Fail($"'{text}' is not a polarity; expected higher-is-better, lower-is-better or no-judgement"),
        };
    }

    public static string ToWords(this Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "higher is better",
        Polarity.LowerIsBetter => "lower is better",
        _ => "no judgement",
    };
}
