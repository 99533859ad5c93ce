using GoldenThread.Store.Accounts;

namespace GoldenThread.Store.Tests;

/// <summary>
/// The authorization rule as the issue states it (roles per workspace): administrator ⊇ performance officer ⊇ contributor
/// for what they own ⊇ viewer; a visitor sees the plan always and the dashboard only where the workspace made it public.
/// </summary>
public sealed class AccessTests
{
    private static readonly HashSet<string> OwnsA1 = new(StringComparer.OrdinalIgnoreCase) { "a1-gld" };
    private static readonly HashSet<string> Leads11a = new(StringComparer.OrdinalIgnoreCase) { "1.1a" };

    // role, public dashboard → reads dashboard, reads internal, edits owned measure a1-gld, edits other measure, edits owned action, approves, administers
    [Theory]
    [InlineData(null, false, false, false, false, false, false, false, false)]
    [InlineData(null, true, true, false, false, false, false, false, false)]
    [InlineData(WorkspaceRole.Viewer, false, true, true, false, false, false, false, false)]
    [InlineData(WorkspaceRole.Contributor, false, true, true, true, false, true, false, false)]
    [InlineData(WorkspaceRole.PerformanceOfficer, false, true, true, true, true, true, true, false)]
    [InlineData(WorkspaceRole.Administrator, false, true, true, true, true, true, true, true)]
    public void WorkspaceAccess_EachRole_ExactlyWhatTheIssueSays(WorkspaceRole? role, bool dashboardPublic,
        bool readsDashboard, bool readsInternal, bool editsOwned, bool editsOther, bool editsOwnedAction, bool approves, bool administers)
    {
        var access = new WorkspaceAccess(role, dashboardPublic, OwnsA1, Leads11a);

        Assert.True(access.ReadsPlan);
        Assert.Equal(readsDashboard, access.ReadsDashboard);
        Assert.Equal(readsInternal, access.ReadsInternal);
        Assert.Equal(editsOwned, access.EditsMeasure("A1-GLD"));
        Assert.Equal(editsOther, access.EditsMeasure("a2-ks2"));
        Assert.Equal(editsOwnedAction, access.EditsAction("1.1A"));
        Assert.Equal(editsOther, access.EditsAction("2.1b"));
        Assert.Equal(approves, access.Approves);
        Assert.Equal(administers, access.Administers);
    }

    [Theory]
    [InlineData("administrator", WorkspaceRole.Administrator)]
    [InlineData("Performance officer", WorkspaceRole.PerformanceOfficer)]
    [InlineData("performance_officer", WorkspaceRole.PerformanceOfficer)]
    [InlineData("CONTRIBUTOR", WorkspaceRole.Contributor)]
    [InlineData(" viewer ", WorkspaceRole.Viewer)]
    public void WorkspaceRoles_TryParse_KeysAndTitles(string text, WorkspaceRole expected)
    {
        Assert.True(WorkspaceRoles.TryParse(text, out var role));
        Assert.Equal(expected, role);
        Assert.True(WorkspaceRoles.TryParse(WorkspaceRoles.Key(role), out var again));
        Assert.Equal(role, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("owner")]
    [InlineData("admin")]
    [InlineData(null)]
    public void WorkspaceRoles_TryParse_OtherWordsRefused(string? text) => Assert.False(WorkspaceRoles.TryParse(text, out _));

    // Plans name owners and leads as job titles, with whatever dash the author typed.
    [Theory]
    [InlineData("Head of Service – Early Help and Safer Communities", "head of service - early help and safer communities")]
    [InlineData("  Head   of Service\u2014Early Help ", "head of service-early help")]
    public void Ownership_Normalise_CaseSpacesAndDashes(string name, string expected) => Assert.Equal(expected, Ownership.Normalise(name));

    // NCSC: refuse the common patterns, not complexity; worked by hand from the rule in PasswordPolicy.Normalise.
    [Theory]
    [InlineData("P@ssw0rd2024!", "password")]
    [InlineData("Summer2025", "summer")]
    [InlineData("L3tme1n!!", "letmein")]
    [InlineData("lantern orchard pebble waltz", "lanternorchardpebblewaltz")]
    [InlineData("123456789012", "")]
    public void PasswordPolicy_Normalise_HandWorked(string password, string expected) => Assert.Equal(expected, PasswordPolicy.Normalise(password));

    [Theory]
    [InlineData("Password12345!", true)]
    [InlineData("qwertyuiopasdf", true)]
    [InlineData("123456789012", true)]
    [InlineData("aaaaaaaaaaaa", true)]
    [InlineData("abababababab", true)]
    [InlineData("Leicestershire1", true)]
    [InlineData("correcthorsebatterystaple", true)]
    [InlineData("JaneSmith2024!", true)]
    [InlineData("jane.smith.jane", true)]
    [InlineData("lantern orchard pebble waltz", false)]
    [InlineData("granite meadow copper fable", false)]
    [InlineData("Tr0mbone-Harbour-Quince", false)]
    public void CommonPasswordValidator_IsWeak_CommonRunsAndOwnNames(string password, bool weak) =>
        Assert.Equal(weak, new CommonPasswordValidator().IsWeak(password, "jane.smith@council.example", "Jane Smith"));

    [Fact]
    public void CommonPasswordValidator_CouncilsOwnList_AddedToTheBuiltIn()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "# our buildings\nCounty Hall\nGlenfield\n");
        var validator = new CommonPasswordValidator(file);

        Assert.True(validator.IsWeak("Glenfield2026!", null, null));
        Assert.True(validator.IsWeak("countyhall", null, null));
        Assert.True(validator.IsWeak("password1234", null, null));
        Assert.False(new CommonPasswordValidator().IsWeak("Glenfield2026!", null, null));
    }

    [Fact]
    public void GeneratePassword_LongRandomAndNotWeak()
    {
        var a = PersonAccounts.GeneratePassword();
        var b = PersonAccounts.GeneratePassword();

        Assert.Matches("^[a-zA-Z0-9]{5}(-[a-zA-Z0-9]{5}){3}$", a);
        Assert.NotEqual(a, b);
        Assert.False(new CommonPasswordValidator().IsWeak(a, "x@y.example", "X"));
    }

    [Theory]
    [InlineData("jo.smith@council.gov.uk", true)]
    [InlineData("o'brien@council.gov.uk", true)]
    [InlineData("jo+performance@council.gov.uk", true)]
    [InlineData("\"<img src=x onerror=alert(1)>\"@council.example", false)]
    [InlineData("jo@localhost", false)]
    [InlineData("jo smith@council.gov.uk", false)]
    [InlineData("<script>@x.example", false)]
    [InlineData("jo@council..gov.uk", false)]
    public void PersonAccounts_EmailAddress_PlainAddressesOnly(string email, bool ok) =>
        Assert.Equal(ok, !PersonAccounts.Problems(email, null).Any());
}
