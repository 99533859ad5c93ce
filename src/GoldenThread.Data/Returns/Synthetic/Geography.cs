namespace GoldenThread.Data.Returns.Synthetic;

/// <summary>A real postcode with its local authority (LTLA code) and Ordnance Survey grid reference.</summary>
/// <param name="Ring">How far from the synthetic council: 0 its own area, 1 next door, 2 London and Surrey, 3 further in
/// England, 4 Wales.</param>
internal readonly record struct PostcodePoint(string Postcode, string Authority, int Ring, int Easting, int Northing)
{
    /// <summary>Straight-line miles between two postcodes, as DfE's 903 guide computes placement distance.</summary>
    public double MilesTo(PostcodePoint other)
    {
        double de = Easting - other.Easting, dn = Northing - other.Northing;
        return Math.Sqrt((de * de) + (dn * dn)) / 1000 / 1.6093;
    }
}

/// <summary>
/// Where the synthetic council and its placements are. Every postcode is a real one from the postcode reference data
/// DfE's 903 validator checks against (Postcodes.g.cs, written by scripts/synthetic-postcodes.py), so placement
/// authority, location (in or out of the council's area) and distance come out as they would for a real council.
/// </summary>
/// <remarks>
/// The council sits in the London Borough of Richmond upon Thames because the validator's runner names that authority
/// (E09000027) as the one submitting: placements it makes "in its own area" must lie there (rule 1015). Nothing else
/// about Richmond is modelled: the council is "Synthetic Council" and its figures are made up.
/// </remarks>
internal static partial class Geography
{
    /// <summary>The ONS code of the council's area (London Borough of Richmond upon Thames).</summary>
    public const string HomeAuthority = "E09000027";

    /// <summary>DfE's three-digit number for the same authority (UPNs, LA_PERM).</summary>
    public const int HomeLaNumber = 318;

    // Built on first use: the order of static initialisers across the files of a partial class is not defined.
    private static PostcodePoint[][] Rings => RingTable.Value;

    private static readonly Lazy<PostcodePoint[][]> RingTable = new(() => [.. Enumerable.Range(0, 5).Select(ring => Points.Where(p => p.Ring == ring).ToArray())]);

    public static IReadOnlyList<PostcodePoint> InRing(int ring) => Rings[ring];

    /// <summary>A postcode in the given ring, never <paramref name="not"/> (a placement is never at the child's home
    /// postcode unless with parents: rule 392d).</summary>
    public static PostcodePoint Pick(Random r, int ring, PostcodePoint? not = null)
    {
        var pool = Rings[ring];
        while (true)
        {
            var p = pool[r.Next(pool.Length)];
            if (not is null || p.Postcode != not.Value.Postcode)
            {
                return p;
            }
        }
    }

    /// <summary>A postcode outside the council's area (ring 1 to 3), for another authority's own provision.</summary>
    public static PostcodePoint Elsewhere(Random r, PostcodePoint? not = null) => Pick(r, r.Pick((1, 60), (2, 30), (3, 10)), not);
}
