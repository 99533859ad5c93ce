namespace GoldenThread.Core.Measures;

/// <summary>
/// What a measure's counts are counts of. Disclosure control is about people: it applies to counts of children and
/// families and to figures resting on them, not to counts of staff, schools or money (docs/plan-format.md).
/// </summary>
public enum Counted
{
    /// <summary>Children and young people (care leavers included), and events that happen to them: referrals, missing incidents, placements.</summary>
    Children,

    /// <summary>Families, parents, carers, adopters: people the service works with.</summary>
    Families,

    /// <summary>The council's or its partners' staff: social workers, vacancies, agency workers.</summary>
    Staff,

    /// <summary>Schools, settings, providers, children's homes.</summary>
    Organisations,

    /// <summary>Spending, costs, budgets.</summary>
    Money,

    /// <summary>Anything else that is not people: places, buildings, activities delivered.</summary>
    Other,
}

public static class CountedNames
{
    /// <summary>
    /// The default when a plan does not say: money for a currency measure, children for everything else. Children,
    /// because the two mistakes are not alike: wrongly treating a staff count as children's only withholds a small
    /// staff figure, which the plan can correct with <c>counts: staff</c>; wrongly treating children's counts as staff
    /// would publish a count that could identify a child.
    /// </summary>
    public static Counted DefaultFor(MeasureUnit unit) => unit.Kind == UnitKind.Currency ? Counted.Money : Counted.Children;

    /// <summary>True for children and families, whose small counts disclosure control withholds.</summary>
    public static bool ArePeople(this Counted counted) => counted is Counted.Children or Counted.Families;

    /// <summary><c>children</c>, <c>families</c>, <c>staff</c>, <c>organisations</c>, <c>money</c>, <c>other</c>.</summary>
    public static string Key(this Counted counted) => counted.ToString().ToLowerInvariant();

    /// <summary>Parses a plan's <c>counts</c> key.</summary>
    public static ParseResult<Counted> Parse(string? text)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        return t switch
        {
            "children" or "young-people" => ParseResult<Counted>.Ok(Counted.Children),
            "families" => ParseResult<Counted>.Ok(Counted.Families),
            "staff" => ParseResult<Counted>.Ok(Counted.Staff),
            "organisations" or "organizations" => ParseResult<Counted>.Ok(Counted.Organisations),
            "money" => ParseResult<Counted>.Ok(Counted.Money),
            "other" => ParseResult<Counted>.Ok(Counted.Other),
            _ => ParseResult<Counted>.Fail($"'{text}' is not what a measure counts; expected children, families, staff, organisations, money or other"),
        };
    }
}
