using System.ComponentModel.DataAnnotations;
using GoldenThread.Store;

namespace GoldenThread.Web.Hosting;

/// <summary>The application's settings (section <c>GoldenThread</c>; environment variables <c>GoldenThread__Store__Provider</c> and so on).</summary>
/// <remarks>The address is ASP.NET Core's own: <c>--urls</c> or <c>ASPNETCORE_URLS</c> (default http://127.0.0.1:5080, launchSettings.json and appsettings.json).</remarks>
public sealed class GoldenThreadOptions : IValidatableObject
{
    public const string Section = "GoldenThread";

    [Required]
    public StoreOptions Store { get; set; } = new();

    /// <summary>The folder holding LAIT's bds_long.csv, data dictionary and sn_may_2025.xlsx; empty to look for shared/data/lait beside the repository.</summary>
    public string? LaitFolder { get; set; }

    /// <summary>Load the bundled samples into an empty store on start.</summary>
    public bool SeedSamples { get; set; } = true;

    /// <summary>
    /// Counts from 1 to this, and figures worked out from them, are withheld from every page and download (disclosure
    /// control; default 5). 0 turns it off, for an installation only the council's own staff can reach.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 100)]
    public int DisclosureThreshold { get; set; } = 5;

    /// <summary>
    /// The people who may sign in and write commentary (section <c>GoldenThread:Editors</c>, a list). Empty: nobody can
    /// write; the pages and the API are read-only.
    /// </summary>
    public List<EditorOptions> Editors { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store.Provider == StoreProvider.Postgres && string.IsNullOrWhiteSpace(Store.ConnectionString))
        {
            yield return new ValidationResult("GoldenThread:Store:ConnectionString is required when the provider is Postgres (Host=...;Database=...;Username=...).", ["Store.ConnectionString"]);
        }

        if (!string.IsNullOrWhiteSpace(LaitFolder) && !File.Exists(Path.Combine(LaitFolder, "bds_long.csv")))
        {
            yield return new ValidationResult($"GoldenThread:LaitFolder '{LaitFolder}' does not hold bds_long.csv.", [nameof(LaitFolder)]);
        }

        // DataAnnotations does not look inside list items, so each editor is checked here, with its index in the message.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Editors.Count; i++)
        {
            foreach (var problem in Editors[i].Problems())
            {
                yield return new ValidationResult($"GoldenThread:Editors:{i}: {problem}", [$"Editors[{i}]"]);
            }

            if (!string.IsNullOrWhiteSpace(Editors[i].UserName) && !seen.Add(Editors[i].UserName!.Trim()))
            {
                yield return new ValidationResult($"GoldenThread:Editors:{i}: the UserName '{Editors[i].UserName!.Trim()}' is given to more than one editor.", [$"Editors[{i}]"]);
            }
        }
    }
}

/// <summary>One person who may sign in and write commentary.</summary>
/// <remarks>
/// The password is never in configuration, only its hash in ASP.NET Core Identity's <c>PasswordHasher</c> format (version 3:
/// PBKDF2 with a random salt), made by <c>goldenthread editor hash</c>.
/// </remarks>
public sealed class EditorOptions
{
    /// <summary>Shown as the author of what this editor writes ("Head of Service, Early Help").</summary>
    public string? Name { get; set; }

    /// <summary>What the editor types to sign in: an email address or any user name (matched ignoring case).</summary>
    public string? UserName { get; set; }

    /// <summary>The password's hash from <c>goldenthread editor hash</c>.</summary>
    public string? PasswordHash { get; set; }

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return "Name is required (it is shown as the author of the editor's commentary).";
        }
        else if (Name.Trim().Length > CommentaryLimits.AuthorLength)
        {
            yield return $"Name must be {CommentaryLimits.AuthorLength} characters or fewer.";
        }

        if (string.IsNullOrWhiteSpace(UserName))
        {
            yield return "UserName is required (the email address or user name the editor signs in with).";
        }

        if (string.IsNullOrWhiteSpace(PasswordHash))
        {
            yield return "PasswordHash is required: make one with `goldenthread editor hash`.";
        }
        else if (!IsVersion3Hash(PasswordHash.Trim()))
        {
            yield return "PasswordHash is not a hash made by `goldenthread editor hash` (ASP.NET Core Identity's version 3 format); never put the password itself here.";
        }
    }

    /// <summary>Base64 of a version byte 0x01, PRF, iteration count and salt length (3 big-endian ints), salt and subkey.</summary>
    /// <remarks>Version 2 (0x00: SHA-1, 1,000 iterations) is refused: too weak, and a hash in configuration cannot be upgraded on sign-in.</remarks>
    private static bool IsVersion3Hash(string hash)
    {
        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length < 13 || bytes[0] != 0x01)
        {
            return false;
        }

        var saltLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(9, 4));
        return saltLength >= 16 && length > 13 + saltLength;
    }
}

public sealed class StoreOptions
{
    /// <summary><c>Sqlite</c> (default: an embedded file) or <c>Postgres</c>.</summary>
    [EnumDataType(typeof(StoreProvider))]
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// For Postgres, the connection string; for SQLite, optional (a file path or <c>Data Source=...</c>). When empty, the
    /// SQLite file is in <see cref="DataFolder"/> if that is set, else the command line's default store
    /// (<see cref="GoldenThread.Store.DefaultStore"/>), so that what <c>report</c> saved shows here.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file goes when no connection string is given (relative to the content root); empty for the shared default store.</summary>
    public string DataFolder { get; set; } = "";

    /// <summary>Apply pending migrations on start. Turn off where a deployment step runs <c>goldenthread db migrate</c>.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public StoreConnection ToConnection(string contentRoot) => Provider switch
    {
        StoreProvider.Postgres => new StoreConnection(StoreProvider.Postgres, ConnectionString!),
        _ when !string.IsNullOrWhiteSpace(ConnectionString) => StoreConnection.Parse(ConnectionString),
        _ when !string.IsNullOrWhiteSpace(DataFolder) => StoreConnection.ForSqliteFile(Path.Combine(Path.GetFullPath(DataFolder, contentRoot), "goldenthread.db")),
        _ => DefaultStore.Connection(),
    };
}
