using GoldenThread.Store;
using GoldenThread.Store.Accounts;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Cli.Tests;

/// <summary><c>user add</c>: the first administrator from the command line, with a password from standard input or generated once.</summary>
public sealed class UserCommandTests
{
    private static string NewStore() => Path.Combine(CliRunner.TempDirectory(), "store.db");

    private static async Task<(PersonRow? Person, bool PasswordOk, IReadOnlyDictionary<string, WorkspaceRole> Roles)> Lookup(string store, string email, string password)
    {
        await using var services = PersonAccounts.Services(StoreConnection.Parse(store));
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>();
        var person = await users.FindByEmailAsync(email);
        if (person is null)
        {
            return (null, false, new Dictionary<string, WorkspaceRole>());
        }

        return (person, await users.CheckPasswordAsync(person, password), await scope.ServiceProvider.GetRequiredService<PeopleStore>().RolesAsync(person.Id));
    }

    [Fact]
    public async Task Add_AdministratorWithoutPassword_GeneratedOnceAndItSignsIn()
    {
        var store = NewStore();

        var result = CliRunner.Run("user", "add", "--email", "ann@council.example", "--role", "administrator", "--name", "Ann Example", "--store", store);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ann@council.example: administrator of the installation (SQLite ", result.Output);
        var password = result.Output.Split('\n').Single(l => l.StartsWith("Password (shown once", StringComparison.Ordinal)).Split(": ")[1].Trim();
        Assert.Matches("^[a-zA-Z0-9]{5}(-[a-zA-Z0-9]{5}){3}$", password);
        var (person, ok, _) = await Lookup(store, "ann@council.example", password);
        Assert.True(ok);
        Assert.True(person!.IsInstallationAdministrator);
        Assert.Equal("Ann Example", person.DisplayName);
    }

    [Fact]
    public async Task Add_PasswordOnStandardInput_UsedAndNeverPrinted()
    {
        var store = NewStore();

        var result = CliRunner.RunWithInput("lantern orchard pebble waltz\n", "user", "add", "--email", "ann@council.example", "--role", "administrator", "--password-stdin", "--store", store);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("lantern", result.Output + result.Error);
        Assert.DoesNotContain("Password (shown once", result.Output);
        Assert.True((await Lookup(store, "ann@council.example", "lantern orchard pebble waltz")).PasswordOk);
    }

    [Theory]
    [InlineData("Password2024!", "Choose a password that is harder to guess")]
    [InlineData("short words", "Passwords must be at least 12 characters.")]
    public async Task Add_WeakPasswordOnStandardInput_Exit2AndNoAccount(string password, string message)
    {
        var store = NewStore();

        var result = CliRunner.RunWithInput(password + "\n", "user", "add", "--email", "ann@council.example", "--role", "administrator", "--password-stdin", "--store", store);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("failed unexpectedly", result.Error);
        Assert.Null((await Lookup(store, "ann@council.example", password)).Person);
    }

    [Theory]
    [InlineData(new[] { "--role", "owner" }, "column '--role': 'owner' is not a role; expected one of administrator, performance-officer, contributor, viewer")]
    [InlineData(new[] { "--role", "viewer" }, "column '--workspace': a viewer holds the role in one workspace")]
    [InlineData(new[] { "--role", "viewer", "--workspace", "nowhere" }, "column '--workspace': there is no workspace 'nowhere'")]
    public void Add_BadRoleOrWorkspace_Exit2WithTheReason(string[] options, string message)
    {
        var result = CliRunner.Run(["user", "add", "--email", "ann@council.example", .. options, "--store", NewStore()]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("<script>@x")]
    public void Add_NotAnEmailAddress_Exit2(string email)
    {
        var result = CliRunner.Run("user", "add", "--email", email, "--role", "administrator", "--store", NewStore());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not an email address", result.Error);
    }

    [Fact]
    public async Task Add_ExistingAccountToAWorkspace_RoleGivenPasswordKept()
    {
        var store = NewStore();
        Assert.Equal(0, CliRunner.Run("report", "--sample", "leicestershire-2015-16-q3", "--out", CliRunner.TempDirectory(), "--store", store).ExitCode);
        CliRunner.RunWithInput("lantern orchard pebble waltz\n", "user", "add", "--email", "ann@council.example", "--role", "administrator", "--password-stdin", "--store", store);

        var result = CliRunner.Run("user", "add", "--email", "ANN@council.example", "--role", "performance officer", "--workspace", "leicestershire-2015-16-q3", "--store", store);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("performance officer in leicestershire-2015-16-q3", result.Output);
        Assert.DoesNotContain("Password (shown once", result.Output);
        var (_, ok, roles) = await Lookup(store, "ann@council.example", "lantern orchard pebble waltz");
        Assert.True(ok);
        Assert.Equal(WorkspaceRole.PerformanceOfficer, roles["leicestershire-2015-16-q3"]);
    }

    [Fact]
    public async Task Report_SampleAsShippedPublicOwnValuesInternal()
    {
        var store = NewStore();
        Assert.Equal(0, CliRunner.Run("report", "--sample", "leicestershire-2015-16-q3", "--out", CliRunner.TempDirectory(), "--store", store).ExitCode);
        var values = Path.Combine(CliRunner.RepositoryRoot, "samples", "leicestershire-2015-16-q3", "values.csv");
        Assert.Equal(0, CliRunner.Run("report", "--sample", "leicestershire-2015-16-q3", "--data", values, "--workspace", "own-values", "--out", CliRunner.TempDirectory(), "--store", store).ExitCode);

        await using var db = StoreConnection.Parse(store).CreateContext();
        var workspaces = new WorkspaceStore(db, TimeProvider.System);
        Assert.True((await workspaces.FindAsync("leicestershire-2015-16-q3"))!.DashboardPublic);
        Assert.False((await workspaces.FindAsync("own-values"))!.DashboardPublic);
    }
}
