using System.Security.Cryptography;
using System.Text;
using GoldenThread.Core.Plans;
using GoldenThread.Store.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GoldenThread.Store;

/// <summary>A person's role in a workspace, for the people pages.</summary>
public sealed record Member(string PersonId, string Email, string DisplayName, WorkspaceRole Role, bool Disabled, bool TwoFactor);

/// <summary>
/// A signed-in person as authorization needs them: who they are, the security stamp their session must carry, whether an
/// administrator disabled them, and their role in each workspace. Read from the store once per
/// <see cref="PeopleStore.AccessVersionAsync"/> and shared, so it is never changed in place.
/// </summary>
public sealed record PersonAccess(
    string Id,
    string? UserName,
    string? Email,
    string DisplayName,
    bool IsInstallationAdministrator,
    bool TwoFactorEnabled,
    string? SecurityStamp,
    bool Disabled,
    IReadOnlyDictionary<string, WorkspaceRole> Roles);

/// <summary>A personal access token as its owner sees it (never the token itself, which is shown once).</summary>
public sealed record AccessTokenInfo(Guid Id, string Name, string Prefix, DateTimeOffset CreatedUtc, DateTimeOffset ExpiresUtc, DateTimeOffset? RevokedUtc, DateTimeOffset? LastUsedUtc)
{
    public bool IsActive(DateTimeOffset now) => RevokedUtc is null && ExpiresUtc > now;
}

/// <summary>Roles, assignments and access tokens: what Identity's own stores do not hold.</summary>
public sealed class PeopleStore(GoldenThreadDbContext db, TimeProvider clock)
{
    /// <summary>The prefix of every token, so that one pasted into the wrong place is recognisable (and findable by secret scanners).</summary>
    public const string TokenPrefix = "gt_";

    /// <summary>
    /// The store's access version: a counter that triggers move, in the same transaction, with every change to people,
    /// their roles and their assignments, however it is made (migration <c>AccessVersion</c>). What is read from those
    /// tables may be kept in memory under it: read the version first, then the rows, so that nothing older is ever kept
    /// under a newer version. One plain query, since every signed-in request asks.
    /// </summary>
    public async Task<long> AccessVersionAsync(CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"Version\" FROM access_version";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("The store has no access version row."), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A person with their roles, as authorization needs them; null when there is no such person.</summary>
    public async Task<PersonAccess?> PersonAccessAsync(string personId, CancellationToken ct = default)
    {
        var p = await db.Users.AsNoTracking().Where(u => u.Id == personId)
            .Select(u => new { u.Id, u.UserName, u.Email, u.DisplayName, u.IsInstallationAdministrator, u.TwoFactorEnabled, u.SecurityStamp, u.DisabledUtc })
            .SingleOrDefaultAsync(ct);
        return p is null
            ? null
            : new PersonAccess(p.Id, p.UserName, p.Email, p.DisplayName, p.IsInstallationAdministrator, p.TwoFactorEnabled, p.SecurityStamp, p.DisabledUtc is not null, await RolesAsync(p.Id, ct));
    }

    /// <summary>Every workspace role of a person.</summary>
    public async Task<IReadOnlyDictionary<string, WorkspaceRole>> RolesAsync(string personId, CancellationToken ct = default) =>
        (await db.Memberships.AsNoTracking().Where(m => m.PersonId == personId).ToListAsync(ct))
            .Where(m => WorkspaceRoles.TryParse(m.Role, out _))
            .ToDictionary(m => m.WorkspaceId, m => { WorkspaceRoles.TryParse(m.Role, out var r); return r; }, StringComparer.Ordinal);

    /// <summary>The people with a role in a workspace, by name.</summary>
    public async Task<IReadOnlyList<Member>> MembersAsync(string workspaceId, CancellationToken ct = default)
    {
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join p in db.Users.AsNoTracking() on m.PersonId equals p.Id
                          where m.WorkspaceId == workspaceId
                          select new { p.Id, p.Email, p.DisplayName, m.Role, p.DisabledUtc, p.TwoFactorEnabled }).ToListAsync(ct);
        return rows
            .Select(r => new Member(r.Id, r.Email ?? "", r.DisplayName, WorkspaceRoles.TryParse(r.Role, out var role) ? role : WorkspaceRole.Viewer, r.DisabledUtc is not null, r.TwoFactorEnabled))
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Gives a person a role in a workspace, replacing any other role they had there.</summary>
    public async Task SetRoleAsync(string workspaceId, string personId, WorkspaceRole role, CancellationToken ct = default)
    {
        var row = await db.Memberships.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.PersonId == personId, ct);
        if (row is null)
        {
            db.Memberships.Add(new MembershipRow { WorkspaceId = workspaceId, PersonId = personId, Role = WorkspaceRoles.Key(role), GrantedUtc = clock.GetUtcNow() });
        }
        else
        {
            row.Role = WorkspaceRoles.Key(role);
            row.GrantedUtc = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes a person out of a workspace, with what was assigned to them there.</summary>
    public async Task RemoveAsync(string workspaceId, string personId, CancellationToken ct = default)
    {
        await db.Assignments.Where(a => a.WorkspaceId == workspaceId && a.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.Memberships.Where(m => m.WorkspaceId == workspaceId && m.PersonId == personId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The measures and actions assigned to a person in a workspace in the browser.</summary>
    public async Task<IReadOnlyList<(string Kind, string ItemId)>> AssignmentsAsync(string workspaceId, string personId, CancellationToken ct = default) =>
        (await db.Assignments.AsNoTracking().Where(a => a.WorkspaceId == workspaceId && a.PersonId == personId).ToListAsync(ct))
            .Select(a => (a.Kind, a.ItemId)).ToList();

    /// <summary>Everything assigned in a workspace in the browser, by person: one query where a page lists every owner.</summary>
    public async Task<ILookup<string, (string Kind, string ItemId)>> AssignmentsAsync(string workspaceId, CancellationToken ct = default) =>
        (await db.Assignments.AsNoTracking().Where(a => a.WorkspaceId == workspaceId).ToListAsync(ct))
            .ToLookup(a => a.PersonId, a => (a.Kind, a.ItemId), StringComparer.Ordinal);

    /// <summary>Replaces what is assigned to a person in a workspace.</summary>
    public async Task SetAssignmentsAsync(string workspaceId, string personId, IEnumerable<string> measureIds, IEnumerable<string> actionCodes, CancellationToken ct = default)
    {
        await db.Assignments.Where(a => a.WorkspaceId == workspaceId && a.PersonId == personId).ExecuteDeleteAsync(ct);
        db.Assignments.AddRange(measureIds.Distinct(StringComparer.OrdinalIgnoreCase).Select(id => new AssignmentRow { WorkspaceId = workspaceId, PersonId = personId, Kind = Ownership.Measure, ItemId = id }));
        db.Assignments.AddRange(actionCodes.Distinct(StringComparer.OrdinalIgnoreCase).Select(id => new AssignmentRow { WorkspaceId = workspaceId, PersonId = personId, Kind = Ownership.Action, ItemId = id }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates a token for a person; returns its text, which is not kept and cannot be shown again.</summary>
    public async Task<(string Token, AccessTokenInfo Info)> CreateTokenAsync(string personId, string name, DateTimeOffset expiresUtc, CancellationToken ct = default)
    {
        // 32 random bytes: guessing is hopeless, so a fast hash (SHA-256) is enough to keep, unlike a password.
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var row = new AccessTokenRow
        {
            Id = Guid.NewGuid(),
            PersonId = personId,
            Name = name.Trim(),
            Hash = Hash(token),
            Prefix = token[..(TokenPrefix.Length + 6)],
            CreatedUtc = clock.GetUtcNow(),
            ExpiresUtc = expiresUtc,
        };
        db.AccessTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return (token, InfoOf(row));
    }

    /// <summary>The person a token belongs to, when it is known, not revoked and not expired (and the use is recorded).</summary>
    public async Task<string?> PersonOfTokenAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var hash = Hash(token);
        var row = await db.AccessTokens.FirstOrDefaultAsync(t => t.Hash == hash, ct);
        var now = clock.GetUtcNow();
        if (row is null || row.RevokedUtc is not null || row.ExpiresUtc <= now)
        {
            return null;
        }

        // Recorded to the hour: enough for "last used", without a write on every call.
        if (row.LastUsedUtc is null || now - row.LastUsedUtc > TimeSpan.FromHours(1))
        {
            row.LastUsedUtc = now;
            await db.SaveChangesAsync(ct);
        }

        return row.PersonId;
    }

    public async Task<IReadOnlyList<AccessTokenInfo>> TokensAsync(string personId, CancellationToken ct = default) =>
        (await db.AccessTokens.AsNoTracking().Where(t => t.PersonId == personId).ToListAsync(ct))
            .OrderByDescending(t => t.CreatedUtc).Select(InfoOf).ToList();

    /// <summary>Revokes one of the person's own tokens; false when they have no such token.</summary>
    public async Task<bool> RevokeTokenAsync(string personId, Guid id, CancellationToken ct = default)
    {
        var row = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.PersonId == personId, ct);
        if (row is null)
        {
            return false;
        }

        row.RevokedUtc ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Revokes every token of a person (disabling them, signing out everywhere).</summary>
    public async Task RevokeAllTokensAsync(string personId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        foreach (var row in await db.AccessTokens.Where(t => t.PersonId == personId && t.RevokedUtc == null).ToListAsync(ct))
        {
            row.RevokedUtc = now;
        }

        await db.SaveChangesAsync(ct);
    }

    private static AccessTokenInfo InfoOf(AccessTokenRow t) => new(t.Id, t.Name, t.Prefix, t.CreatedUtc, t.ExpiresUtc, t.RevokedUtc, t.LastUsedUtc);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>Which measures and actions a person owns: those the plan names them for, and those assigned in the browser.</summary>
public static class Ownership
{
    public const string Measure = "measure";
    public const string Action = "action";

    /// <summary>
    /// A plan names owners and leads in words ("Head of Service – Early Help"); they are matched against the person's
    /// display name and email address, ignoring case, spacing and the kind of dash, so that a council can name either.
    /// </summary>
    public static (IReadOnlySet<string> Measures, IReadOnlySet<string> Actions) Of(Plan plan, string displayName, string? email, IEnumerable<(string Kind, string ItemId)> assigned)
    {
        var names = new[] { displayName, email }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Normalise(n!)).ToHashSet(StringComparer.Ordinal);
        var measures = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var actions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in plan.Measures.Where(m => m.Owner is { } o && names.Contains(Normalise(o))))
        {
            measures.Add(m.Id);
        }

        foreach (var a in plan.Themes.SelectMany(t => t.Actions.Concat(t.Outcomes.SelectMany(o => o.Actions))).Where(a => a.Lead is { } l && names.Contains(Normalise(l))))
        {
            actions.Add(a.Code);
        }

        foreach (var (kind, id) in assigned)
        {
            (kind == Action ? actions : measures).Add(id);
        }

        return (measures, actions);
    }

    /// <summary>Lower case, one space between words, every dash a hyphen.</summary>
    public static string Normalise(string name) =>
        string.Join(' ', name.Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2012', '-').ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
