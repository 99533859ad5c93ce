using System.Globalization;

namespace GoldenThread.Data.Returns.Synthetic;

/// <summary>A made-up provider: its Ofsted URN, placement provider code (PR1 to PR5) and, for a home, where it is.</summary>
internal sealed record ProviderSite(string Urn, string Code, PostcodePoint Post);

/// <summary>
/// The fostering services, adoption agencies, children's homes and other providers the synthetic council places with.
/// URNs are invented in Ofsted's social care form (SC and six digits); own provision (PR1) other than fostering and
/// adoption is in the council's own area, as DfE's rule 1015 expects.
/// </summary>
internal sealed class Providers
{
    private readonly HashSet<string> _urns = [];
    private readonly Random _r;

    public Providers(Random r)
    {
        _r = r;
        CouncilFostering = Urn();
        CouncilAdoption = Urn();
        OtherLaFostering = [.. Enumerable.Range(0, 4).Select(_ => Urn())];
        Agencies = [.. Enumerable.Range(0, 8).Select(i => (Urn(), i < 6 ? "PR4" : "PR5"))];
        AdoptionAgencies = [.. Enumerable.Range(0, 4).Select(i => (Urn(), i < 2 ? "PR5" : "PR2"))];
        Homes =
        [
            .. Sites(3, "PR1", () => Geography.Pick(r, 0)),
            .. Sites(3, "PR2", () => Geography.Elsewhere(r)),
            .. Sites(16, "PR4", () => Geography.Pick(r, r.Pick((1, 30), (2, 35), (3, 32), (4, 3)))),
            .. Sites(3, "PR5", () => Geography.Pick(r, r.Pick((1, 40), (2, 40), (3, 20)))),
        ];
        SecureHomes = [.. Sites(2, "PR2", () => Geography.Pick(r, 3)), .. Sites(1, "PR4", () => Geography.Pick(r, 2))];
        Supported = [.. Sites(2, "PR1", () => Geography.Pick(r, 0)), .. Sites(8, "PR4", () => Geography.Pick(r, r.Pick((1, 45), (2, 40), (3, 15))))];
        Schools = [.. Sites(2, "PR4", () => Geography.Pick(r, 3)), .. Sites(1, "PR5", () => Geography.Pick(r, 2))];
        FamilyCentres = [.. Sites(1, "PR4", () => Geography.Pick(r, 1)), .. Sites(1, "PR5", () => Geography.Pick(r, 2))];
    }

    /// <summary>True when a home, school or other site of these providers is at the postcode (a child's home never is).</summary>
    public bool IsSite(PostcodePoint p) => Homes.Concat(SecureHomes).Concat(Supported).Concat(Schools).Concat(FamilyCentres).Any(s => s.Post.Postcode == p.Postcode);

    /// <summary>The council's own fostering service (U1 to U6 with PR1).</summary>
    public string CouncilFostering { get; }

    /// <summary>The regional adoption agency the council belongs to (A5, A6 with PR1).</summary>
    public string CouncilAdoption { get; }

    public string[] OtherLaFostering { get; }

    public (string Urn, string Code)[] Agencies { get; }

    public (string Urn, string Code)[] AdoptionAgencies { get; }

    public ProviderSite[] Homes { get; }

    public ProviderSite[] SecureHomes { get; }

    public ProviderSite[] Supported { get; }

    public ProviderSite[] Schools { get; }

    public ProviderSite[] FamilyCentres { get; }

    private IEnumerable<ProviderSite> Sites(int n, string code, Func<PostcodePoint> where)
    {
        var list = new List<ProviderSite>();
        for (var i = 0; i < n; i++)
        {
            list.Add(new ProviderSite(Urn(), code, where()));
        }

        return list;
    }

    private string Urn()
    {
        while (true)
        {
            var urn = "SC" + _r.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
            if (_urns.Add(urn))
            {
                return urn;
            }
        }
    }
}
