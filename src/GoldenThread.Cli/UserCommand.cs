using System.CommandLine;
using GoldenThread.Data;
using GoldenThread.Store;
using GoldenThread.Store.Accounts;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Cli;

/// <summary>
/// <c>user add --email … --role …</c>: the first administrator of an installation (and anyone else, from a script). The
/// password is read from standard input with <c>--password-stdin</c>, or generated and printed once; it never goes on the
/// command line, where it would stay in the shell's history.
/// </summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var store = DbCommand.StoreOption(withDefault: true);
        var email = new Option<string>("--email") { Description = "The person's email address, which they sign in with.", Required = true };
        var role = new Option<string>("--role") { Description = $"Their role: {WorkspaceRoles.Keys}. An administrator without --workspace administers the whole installation.", Required = true };
        var workspace = new Option<string?>("--workspace") { Description = "The workspace (plan) the role is in; required for every role but an installation administrator." };
        var name = new Option<string?>("--name") { Description = "The name shown as the author of what they write (default: the email address)." };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (one line) instead of generating one." };
        var add = new Command("add", "Create an account with a role, or give an existing account a role.") { email, role, workspace, name, stdin, store };
        add.SetAction(parse => Guarded.Run(() => AddAsync(
            StoreConnection.Parse(parse.GetValue(store)!), parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(workspace),
            parse.GetValue(name), parse.GetValue(stdin)).GetAwaiter().GetResult()));
        return new Command("user", "Manage the web application's accounts.") { add };
    }

    private static async Task<int> AddAsync(StoreConnection connection, string email, string roleText, string? workspaceId, string? displayName, bool passwordFromStdin)
    {
        if (!WorkspaceRoles.TryParse(roleText, out var role))
        {
            throw Bad("--role", $"'{roleText}' is not a role; expected one of {WorkspaceRoles.Keys}");
        }

        if (workspaceId is null && role != WorkspaceRole.Administrator)
        {
            throw Bad("--workspace", $"a {WorkspaceRoles.Key(role)} holds the role in one workspace: name it with --workspace (goldenthread report saved which ones exist)");
        }

        if (PersonAccounts.Problems(email, displayName).FirstOrDefault() is { } problem)
        {
            throw Bad("--email", problem);
        }

        await StoreMigrator.MigrateAsync(connection, Console.Error.WriteLine);
        await using var services = PersonAccounts.Services(connection);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>();
        var people = scope.ServiceProvider.GetRequiredService<PeopleStore>();
        var db = scope.ServiceProvider.GetRequiredService<GoldenThreadDbContext>();
        if (workspaceId is not null && await db.Workspaces.FindAsync(workspaceId) is null)
        {
            var known = string.Join(", ", db.Workspaces.Select(w => w.Id).OrderBy(id => id).ToList());
            throw Bad("--workspace", $"there is no workspace '{workspaceId}' in {connection.Describe()}; expected one of: {(known.Length == 0 ? "(none yet: run goldenthread report first)" : known)}");
        }

        string? generated = null;
        var person = await users.FindByEmailAsync(email.Trim());
        if (person is null)
        {
            string password;
            if (passwordFromStdin)
            {
                password = Console.In.ReadLine() ?? "";
                if (password.Length == 0)
                {
                    throw Bad("standard input", "no password was read (--password-stdin reads one line)");
                }
            }
            else
            {
                password = generated = PersonAccounts.GeneratePassword();
            }

            var (created, errors) = await PersonAccounts.CreateAsync(users, TimeProvider.System, email, displayName, password);
            if (created is null)
            {
                throw Bad(passwordFromStdin ? "standard input" : "--email", string.Join("; ", errors));
            }

            person = created;
        }
        else if (passwordFromStdin)
        {
            throw Bad("--password-stdin", $"{person.Email} already has an account; their password is theirs to change in the browser (an administrator can send a link to set a new one)");
        }

        if (workspaceId is null)
        {
            person.IsInstallationAdministrator = true;
            await users.UpdateAsync(person);
        }
        else
        {
            await people.SetRoleAsync(workspaceId, person.Id, role);
        }

        var what = workspaceId is null ? "administrator of the installation" : $"{WorkspaceRoles.Title(role).ToLowerInvariant()} in {workspaceId}";
        Console.WriteLine($"{person.Email}: {what} ({connection.Describe()}).");
        if (generated is not null)
        {
            // Printed once, on standard output, so a script can capture it; it is not kept anywhere.
            Console.WriteLine($"Password (shown once; they can change it after signing in): {generated}");
        }

        return ExitCodes.Ok;
    }

    private static InputException Bad(string where, string message) => new(new InputError("command line", null, where, message));
}
