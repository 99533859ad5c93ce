namespace GoldenThread.Core.Returns;

/// <summary>
/// A closed list of codes for one field of a return. Looking a code up returns the list's own string instance, so
/// records hold shared strings rather than a copy per row (a national 903 has a million episodes and ~30 distinct codes).
/// </summary>
/// <remarks>
/// A list is either the union over every collection year GoldenThread knows (<see cref="CollectionYear"/> null: records
/// store codes as positions in it) or one collection year's list, drawn from that union (<see cref="Union"/>), which the
/// readers check against. Messages about a rejected code are worded here, in one place (<see cref="Rejection"/>).
/// </remarks>
public sealed class CodeList
{
    private readonly Dictionary<string, string> _codes;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private readonly string[] _byIndex;
    private readonly Dictionary<string, byte> _positions;

    public CodeList(string name, params string[] codes)
        : this(name, codes, null, null)
    {
    }

    private CodeList(string name, string[] codes, CodeList? union, int? collectionYear)
    {
        Name = name;
        Union = union ?? this;
        CollectionYear = collectionYear;
        _byIndex = ["", .. codes];
        _positions = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (byte)(x.i + 1), StringComparer.Ordinal);
        _codes = codes.ToDictionary(c => c, c => c, StringComparer.Ordinal);
        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        Allowed = string.Join(", ", codes);
    }

    /// <summary>What the field holds, for messages ("legal status").</summary>
    public string Name { get; }

    /// <summary>The allowed codes, comma-separated, for messages.</summary>
    public string Allowed { get; }

    /// <summary>The codes in the order the guide lists them.</summary>
    public IEnumerable<string> Codes => _byIndex.Skip(1);

    /// <summary>The collection year (the year of its 31 March) this list is for; null for the union over every year.</summary>
    public int? CollectionYear { get; }

    /// <summary>The list over every year this one is drawn from; the list itself when it is the union.</summary>
    public CodeList Union { get; }

    /// <summary>The shared instance of <paramref name="code"/>, or null when it is not in the list.</summary>
    public string? Find(ReadOnlySpan<char> code) => _lookup.TryGetValue(code, out _, out var value) ? value : null;

    public bool Contains(string code) => _codes.ContainsKey(code);

    /// <summary>1-based position of <paramref name="code"/>, 0 for null: records store a byte instead of a reference.</summary>
    public byte IndexOf(string? code)
    {
        if (code is null)
        {
            return 0;
        }

        return _positions.TryGetValue(code, out var i) ? i : throw new ArgumentException(Rejection(code), nameof(code));
    }

    /// <summary>The code at a position from <see cref="IndexOf"/>; null for 0.</summary>
    public string? At(byte index) => index == 0 ? null : _byIndex[index];

    /// <summary>
    /// Why <paramref name="code"/> is refused, for a reader's message: the code (at most 12 characters: it is a code, not a
    /// fact about a child), the collection year when the list is a year's, the years the code is valid in when it belongs
    /// to other years, and the codes expected. <paramref name="collection"/> names what a year's files are ("return" for
    /// the 903, "census" for the CIN census).
    /// </summary>
    public string Rejection(ReadOnlySpan<char> code, string collection = "return")
    {
        var shown = code.Length > 12 ? code[..12].ToString() + "…" : code.ToString();
        if (CollectionYear is not { } year)
        {
            return $"'{shown}' is not a {Name} code: expected one of {Allowed}";
        }

        var inReturn = $"'{shown}' is not a {Name} code in the {ReturnCodes.YearLabel(year)} {collection}";
        var other = Union.Find(code);
        if (other is not null && ReturnCodes.YearsValid(Union, other) is { } valid)
        {
            inReturn += $" ({ReturnCodes.Describe(valid, collection)} by DfE's guides)";
        }

        return $"{inReturn}: expected one of {Allowed}";
    }

    /// <summary>This (union) list cut down to the codes valid in <paramref name="collectionYear"/>.</summary>
    internal CodeList ForYear(int collectionYear, Func<string, bool> valid) =>
        new(Name, [.. Codes.Where(valid)], this, collectionYear);
}

/// <summary>The collection years a code is valid in, inclusive (years of the collections' 31 March).</summary>
public readonly record struct CodeYears(int First, int Last);
