using System.CommandLine;
using System.Globalization;
using GoldenThread.Data;
using GoldenThread.Data.Values;
using GoldenThread.Store;
using GoldenThread.Store.Accounts;
using GoldenThread.Store.Cycle;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Cli;

/// <summary>
/// <c>goldenthread figures upload</c>: a values file into the open reporting periods, as the named person, by the same rules
/// as the upload page and the API (docs/cycle.md#uploads): every row checked, then all of it applied or none of it.
/// </summary>
internal static class FiguresCommand
{
    public static Command Create()
    {
        var store = DbCommand.StoreOption(withDefault: true);
        var workspace = new Option<string>("--workspace") { Description = "The workspace (plan) whose open periods the figures are for.", Required = true };
        var file = new Option<string>("--file") { Description = "The values file: CSV, or XLSX by its .xlsx name (docs/formats.md, \"The values file\").", Required = true };
        var person = new Option<string>("--as") { Description = "The email address of the person uploading: their role decides which measures they may change, and the audit trail names them.", Required = true };
        var preview = new Option<bool>("--preview") { Description = "Only say what the upload would change (new, changed, unchanged) and what is wrong; write nothing." };
        var upload = new Command("upload", "Upload a values file into the open reporting periods: all of it, or nothing when any row is wrong.") { workspace, file, person, preview, store };
        upload.SetAction(parse => Guarded.Run(() => UploadAsync(
            StoreConnection.Parse(parse.GetValue(store)!), parse.GetValue(workspace)!, parse.GetValue(file)!, parse.GetValue(person)!, parse.GetValue(preview)).GetAwaiter().GetResult()));
        return new Command("figures", "The quarterly cycle's figures.") { upload };
    }

    private static InputException Bad(string where, string message) => new(new InputError("command line", null, where, message));

    private static async Task<int> UploadAsync(StoreConnection connection, string workspaceId, string path, string email, bool previewOnly)
    {
        if (!File.Exists(path))
        {
            throw Bad("--file", $"'{path}' does not exist; expected a CSV or XLSX values file");
        }

        await StoreMigrator.MigrateAsync(connection, Console.Error.WriteLine);
        await using var services = PersonAccounts.Services(connection);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldenThreadDbContext>();
        var workspaces = new WorkspaceStore(db, TimeProvider.System);
        if (await workspaces.FindAsync(workspaceId) is not { } info || await workspaces.LoadPlanAsync(info.Id, info.PlanVersion) is not { } stored)
        {
            var known = string.Join(", ", (await workspaces.ListAsync()).Select(w => w.Id).Order(StringComparer.Ordinal));
            throw Bad("--workspace", $"there is no workspace '{workspaceId}' in {connection.Describe()}; expected one of: {(known.Length == 0 ? "(none yet)" : known)}");
        }

        var actor = await ActorAsync(scope.ServiceProvider, info, stored.Plan, email);
        var name = Path.GetFileName(path);
        var rows = ValuesReader.ReadFileRows(path, stored.Plan);

        var cycle = new CycleStore(db, TimeProvider.System);
        UploadPreview result;
        if (previewOnly)
        {
            result = await cycle.PreviewUploadAsync(info.Id, name, rows, actor);
        }
        else
        {
            var (outcome, applied) = await cycle.ApplyUploadAsync(info.Id, name, rows, null, actor);
            result = applied;
            if (outcome.Outcome is not (CycleOutcome.Done or CycleOutcome.Invalid))
            {
                Console.Error.WriteLine($"{name}: {outcome.Message} Nothing was written.");
                return ExitCodes.BadInput;
            }
        }

        foreach (var e in result.Errors)
        {
            Console.Error.WriteLine(e.ToString());
        }

        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{result.Count(UploadRowKind.New)} new, {result.Count(UploadRowKind.Changed)} changed, {result.Count(UploadRowKind.Unchanged)} unchanged");
        if (result.Errors.Count > 0)
        {
            Console.Error.WriteLine($"{name}: {result.Errors.Count.ToString(CultureInfo.InvariantCulture)} problem(s); nothing was written.");
            return ExitCodes.BadInput;
        }

        Console.WriteLine(previewOnly ? $"{name}: would write {counts} (nothing written: --preview)." : $"{name}: {counts}; written as {actor.Name}.");
        return ExitCodes.Ok;
    }

    /// <summary>The person as the web application would see them: their role here and the measures they own.</summary>
    private static async Task<Actor> ActorAsync(IServiceProvider services, WorkspaceInfo info, Core.Plans.Plan plan, string email)
    {
        var users = services.GetRequiredService<UserManager<PersonRow>>();
        var people = services.GetRequiredService<PeopleStore>();
        if (await users.FindByEmailAsync(email.Trim()) is not { DisabledUtc: null } person)
        {
            throw Bad("--as", $"'{email}' has no account that may sign in; expected the email address of someone with a role in {info.Id} (goldenthread user add)");
        }

        var roles = await people.RolesAsync(person.Id);
        WorkspaceRole? role = person.IsInstallationAdministrator ? WorkspaceRole.Administrator : roles.TryGetValue(info.Id, out var r) ? r : null;
        if (role is null or WorkspaceRole.Viewer)
        {
            throw Bad("--as", $"{person.Email} {(role is null ? "has no role" : "is a viewer")} in {info.Id}; expected a contributor, performance officer or administrator");
        }

        var (measures, actions) = Ownership.Of(plan, person.DisplayName ?? "", person.Email, await people.AssignmentsAsync(info.Id, person.Id));
        var name = string.IsNullOrWhiteSpace(person.DisplayName) ? person.Email ?? email : person.DisplayName;
        return new Actor(person.Id, name, new WorkspaceAccess(role, info.DashboardPublic, measures, actions));
    }
}
