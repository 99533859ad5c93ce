using System.Text;
using GoldenThread.Core.Plans;
using GoldenThread.Data;
using GoldenThread.Data.Plans;
using GoldenThread.Data.Values;
using GoldenThread.Store;
using GoldenThread.Store.Cycle;
using GoldenThread.Views.Govuk;
using GoldenThread.Web.Components;
using GoldenThread.Web.Features.Uploads;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Web.Features;

/// <summary>A file as uploaded (or carried back by the Apply button): its name as the person knows it and its bytes.</summary>
public sealed record UploadedFile(string Name, byte[] Bytes);

/// <summary>What the values preview page shows: the store's preview and the file, carried to the Apply button.</summary>
public sealed record ValuesPreviewView(WorkspaceData W, UploadPreview Preview, UploadedFile File, string? Message);

/// <summary>What the plan preview page shows: what changes between the plan in force and the uploaded one.</summary>
public sealed record PlanPreviewView(WorkspaceData W, Plan NewPlan, IReadOnlyList<PlanChange> Changes, string FileName, string Yaml, string? Message);

/// <summary>
/// Uploads in the browser (docs/cycle-uploads.md#values): a values file for the open reporting periods, previewed row by row
/// before it is applied all or nothing, and a new plan YAML, previewed as a list of changes before it becomes the plan's
/// next version. Both previews are stateless: the Apply button posts the same file again, carried in the page.
/// </summary>
public static class UploadPages
{
    /// <summary>The largest values file accepted (5 MB: a year of monthly figures for thousands of measures).</summary>
    public const int ValuesFileLimit = 5 * 1024 * 1024;

    /// <summary>The largest plan accepted: plans are a few hundred kilobytes at most.</summary>
    public const int PlanFileLimit = 1024 * 1024;

    /// <summary>
    /// The values file travels back with the Apply button as base64 (4 characters for every 3 bytes), so that form value
    /// is up to 6.7 MB: above the framework's 4 MB default, raised for the Apply endpoint alone and only this far.
    /// </summary>
    public const int CarriedValuesLimit = (ValuesFileLimit + 2) / 3 * 4;

    // Room above the file for the other fields, multipart boundaries and (sent URL-encoded by a script) the escaping of
    // base64's '+', '/' and '=', about 6% of its characters: a tenth more and 64 KB.
    private const long ValuesBodyLimit = CarriedValuesLimit + (CarriedValuesLimit / 10) + (64 * 1024);

    private const long PlanBodyLimit = (3L * PlanFileLimit) + (64 * 1024);

    private const int FileNameLength = 120;

    private static readonly string[] ValuesExtensions = [".csv", ".xlsx"];

    private static readonly string[] PlanExtensions = [".yaml", ".yml"];

    public static IEndpointRouteBuilder MapCycleUploadPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/w/{ws}").ExcludeFromDescription();
        pages.MapGet("/quarter/upload", ValuesForm).Requires(Permission.ReadInternal);
        pages.MapPost("/quarter/upload", PreviewValues).Requires(Permission.ReadInternal).WithBodyLimits(ValuesBodyLimit, null);
        pages.MapPost("/quarter/upload/apply", ApplyValues).Requires(Permission.ReadInternal).WithBodyLimits(ValuesBodyLimit, CarriedValuesLimit + 1024);
        pages.MapGet("/plan/upload", PlanForm).Requires(Permission.Administer);
        pages.MapPost("/plan/upload", PreviewPlan).Requires(Permission.Administer).WithBodyLimits(PlanBodyLimit, null);
        pages.MapPost("/plan/upload/apply", ApplyPlan).Requires(Permission.Administer).WithBodyLimits(PlanBodyLimit, null);
        app.MapActionUpdatePages();
        app.MapEvidencePages();
        return app;
    }

    /// <summary>
    /// The limits of an upload endpoint: the request body (the server refuses a longer one before reading it) and, where
    /// a page carries a file back, the length of one form value. Set here per endpoint: every other form keeps the
    /// framework's defaults.
    /// </summary>
    private static RouteHandlerBuilder WithBodyLimits(this RouteHandlerBuilder endpoint, long bodyLimit, int? valueLimit) =>
        endpoint.WithMetadata(new RequestSizeLimitAttribute(bodyLimit))
            .WithFormOptions(multipartBodyLengthLimit: bodyLimit, valueLengthLimit: valueLimit);

    /// <summary>The services every upload endpoint uses, in one parameter.</summary>
    public sealed class Services(WorkspaceService workspaces, WorkspaceStore store, CycleStore cycle, CurrentPerson current)
    {
        public WorkspaceService Workspaces => workspaces;
        public WorkspaceStore Store => store;
        public CycleStore Cycle => cycle;
        public CurrentPerson Current => current;
    }

    // ---- Values ----

    public static async Task<IResult> ValuesForm(string ws, [FromQuery] int? applied, [AsParameters] Services s, CancellationToken ct) =>
        await s.Workspaces.GetAsync(ws, ct) is { } w
            ? ValuesFormPage(w, [], [], applied is { } n ? AppliedMessage(n) : null, StatusCodes.Status200OK)
            : Lookups.NoWorkspace(ws);

    private static string AppliedMessage(int n) =>
        n == 0 ? "Nothing changed: every figure in the file was already entered." : $"{n} {(n == 1 ? "figure was" : "figures were")} entered from the file.";

    private static IResult ValuesFormPage(WorkspaceData w, IReadOnlyList<FieldError> errors, IReadOnlyList<InputError> problems, string? done, int status) =>
        Pages.Render<ValuesUploadPage>(new { Data = w, Errors = errors, Problems = problems, Done = done }, status);

    public static async Task<IResult> PreviewValues(string ws, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var (file, error) = await FromInputAsync(form.Files.GetFile("file"), ValuesExtensions, ValuesFileLimit, "a CSV or XLSX values file", ct);
        return file is null
            ? ValuesFormPage(w, [new("file", error!)], [], null, StatusCodes.Status400BadRequest)
            : await PreviewValuesAsync(w, file, null, StatusCodes.Status200OK, s, ct);
    }

    private static async Task<IResult> PreviewValuesAsync(WorkspaceData w, UploadedFile file, string? message, int status, Services s, CancellationToken ct)
    {
        var (rows, problems) = ReadValues(file, w.Plan);
        if (rows is null)
        {
            return ValuesFormPage(w, [new("file", $"{file.Name} cannot be read: the problems are listed below. Correct the file and upload it again")], problems, null, StatusCodes.Status400BadRequest);
        }

        var preview = await s.Cycle.PreviewUploadAsync(w.Info.Id, file.Name, rows, await s.Current.ActorAsync(w, ct), ct);
        return Pages.Render<ValuesPreviewPage>(new { View = new ValuesPreviewView(w, preview, file, message) }, status);
    }

    public static async Task<IResult> ApplyValues(string ws, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var (file, error) = FromCarried(form["fileName"].ToString(), form["content"].ToString(), ValuesExtensions, ValuesFileLimit, "a CSV or XLSX values file");
        if (file is null)
        {
            return ValuesFormPage(w, [new("file", error!)], [], null, StatusCodes.Status400BadRequest);
        }

        var (rows, problems) = ReadValues(file, w.Plan);
        if (rows is null)
        {
            return ValuesFormPage(w, [new("file", $"{file.Name} cannot be read: the problems are listed below")], problems, null, StatusCodes.Status400BadRequest);
        }

        var fingerprint = form["fingerprint"].ToString();
        var actor = await s.Current.ActorAsync(w, ct);
        // A save of one of these figures racing the apply is the store's refusal (409 below), with nothing applied.
        var (result, preview) = await s.Cycle.ApplyUploadAsync(w.Info.Id, file.Name, rows, fingerprint, actor, ct);
        return result.Outcome switch
        {
            CycleOutcome.Done => TypedResults.Redirect(w.WsPath("/quarter/upload?applied=" + result.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            CycleOutcome.Invalid => Pages.Render<ValuesPreviewPage>(new { View = new ValuesPreviewView(w, preview, file, "Nothing was applied: the file has the problems listed below.") }, StatusCodes.Status400BadRequest),
            _ => Pages.Render<ValuesPreviewPage>(new { View = new ValuesPreviewView(w, preview, file, result.Message) }, StatusCodes.Status409Conflict),
        };
    }

    /// <summary>The file's rows, or null with every problem the reader found, by row and column.</summary>
    private static (IReadOnlyList<ValuesRow>? Rows, IReadOnlyList<InputError> Problems) ReadValues(UploadedFile file, Plan plan)
    {
        try
        {
            return (ReadValuesRows(file, plan), []);
        }
        catch (InputException e)
        {
            return (null, e.Errors);
        }
    }

    /// <summary>Reads a values file as <c>goldenthread</c> does: CSV as strict UTF-8 (a byte-order mark allowed), or XLSX.</summary>
    public static IReadOnlyList<ValuesRow> ReadValuesRows(UploadedFile file, Plan plan)
    {
        if (file.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = new MemoryStream(file.Bytes, writable: false);
            return ValuesReader.ReadXlsxRows(stream, file.Name, plan);
        }

        // From the bytes, as the API does, so that a byte that is not UTF-8 is refused at its line and column.
        return ValuesReader.ReadCsvRows(file.Bytes, file.Name, plan);
    }

    // ---- The plan ----

    public static async Task<IResult> PlanForm(string ws, [FromQuery] int? applied, [AsParameters] Services s, CancellationToken ct) =>
        await s.Workspaces.GetAsync(ws, ct) is { } w
            ? PlanFormPage(w, [], [], applied is { } v ? $"The plan is now version {v}. Earlier published periods keep the plan they were published with." : null, StatusCodes.Status200OK)
            : Lookups.NoWorkspace(ws);

    private static IResult PlanFormPage(WorkspaceData w, IReadOnlyList<FieldError> errors, IReadOnlyList<InputError> problems, string? done, int status) =>
        Pages.Render<PlanUploadPage>(new { Data = w, Errors = errors, Problems = problems, Done = done }, status);

    public static async Task<IResult> PreviewPlan(string ws, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var (file, error) = await FromInputAsync(form.Files.GetFile("file"), PlanExtensions, PlanFileLimit, "a plan YAML file", ct);
        if (file is null)
        {
            return PlanFormPage(w, [new("file", error!)], [], null, StatusCodes.Status400BadRequest);
        }

        string yaml;
        try
        {
            yaml = new UTF8Encoding(false, true).GetString(file.Bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return PlanFormPage(w, [new("file", $"{file.Name} is not UTF-8 text; save the plan as UTF-8 YAML and upload it again")], [], null, StatusCodes.Status400BadRequest);
        }

        return PreviewPlanText(w, file.Name, yaml, null, StatusCodes.Status200OK);
    }

    private static IResult PreviewPlanText(WorkspaceData w, string name, string yaml, string? message, int status)
    {
        Plan plan;
        try
        {
            using var reader = new StringReader(yaml);
            plan = PlanReader.Read(reader, name);
        }
        catch (InputException e)
        {
            return PlanFormPage(w, [new("file", $"{name} cannot be read: the problems are listed below. Correct the plan and upload it again")], e.Errors, null, StatusCodes.Status400BadRequest);
        }

        var view = new PlanPreviewView(w, plan, PlanChanges.Between(w.Plan, plan), name, yaml, message);
        return Pages.Render<PlanPreviewPage>(new { View = view }, status);
    }

    public static async Task<IResult> ApplyPlan(string ws, IFormCollection form, [AsParameters] Services s, CancellationToken ct)
    {
        if (await s.Workspaces.GetAsync(ws, ct) is not { } w)
        {
            return Lookups.NoWorkspace(ws);
        }

        var name = CleanName(form["fileName"].ToString());
        var yaml = form["yaml"].ToString();
        if (name is null || !PlanExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || yaml.Length == 0 || yaml.Length > PlanFileLimit)
        {
            return PlanFormPage(w, [new("file", "The plan to apply did not come with the form. Upload the plan again")], [], null, StatusCodes.Status400BadRequest);
        }

        // The preview compared the new plan with the version in force then; another administrator may have changed it since.
        if (form["planVersion"].ToString() != w.Info.PlanVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return PreviewPlanText(w, name, yaml,
                $"The plan was changed by someone else after your preview (it is now version {w.Info.PlanVersion}); nothing was applied. Check the changes below against it and apply again.",
                StatusCodes.Status409Conflict);
        }

        Plan plan;
        try
        {
            using var reader = new StringReader(yaml);
            plan = PlanReader.Read(reader, name);
        }
        catch (InputException e)
        {
            return PlanFormPage(w, [new("file", $"{name} cannot be read: the problems are listed below")], e.Errors, null, StatusCodes.Status400BadRequest);
        }

        if (PlanChanges.Between(w.Plan, plan).Count == 0)
        {
            return PlanFormPage(w, [new("file", $"{name} changes no measure, target, theme or action of the plan in force, so there is nothing to apply")], [], null, StatusCodes.Status400BadRequest);
        }

        var info = w.Info;
        var saved = await s.Store.ImportAsync(new WorkspaceImport
        {
            WorkspaceId = info.Id,
            PlanYaml = yaml,
            PlanSourceName = name,
            // Only the plan changes: the workspace's options stay as they are (ImportAsync sets these from the import).
            UsesLait = info.UsesLait,
            LaitFolder = info.LaitFolder,
            DefaultPeriod = info.DefaultPeriod,
            ChangedBy = await s.Current.ActorAsync(w, ct),
        }, ct);
        return TypedResults.Redirect(w.WsPath("/plan/upload?applied=" + saved.PlanVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    // ---- Files ----

    /// <summary>The uploaded file, or why it is refused (nothing chosen, not the expected kind, too large) in a sentence.</summary>
    private static async Task<(UploadedFile? File, string? Error)> FromInputAsync(IFormFile? input, string[] extensions, int limit, string what, CancellationToken ct)
    {
        if (input is null || input.Length == 0 || CleanName(input.FileName) is not { } name)
        {
            return (null, $"Choose {what} to upload");
        }

        if (KindProblem(name, extensions, limit, input.Length, what) is { } problem)
        {
            return (null, problem);
        }

        var bytes = new byte[input.Length];
        await using var stream = input.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, ct);
        return (new UploadedFile(name, bytes), null);
    }

    /// <summary>The file the preview page carried back, checked again as if uploaded (a page can be edited).</summary>
    private static (UploadedFile? File, string? Error) FromCarried(string fileName, string base64, string[] extensions, int limit, string what)
    {
        if (CleanName(fileName) is not { } name || base64.Length == 0 || base64.Length > CarriedValuesLimit)
        {
            return (null, $"The file to apply did not come with the form. Upload {what} again");
        }

        var bytes = new byte[base64.Length / 4 * 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return (null, $"The file to apply did not come with the form intact. Upload {what} again");
        }

        return KindProblem(name, extensions, limit, length, what) is { } problem ? (null, problem) : (new UploadedFile(name, bytes[..length]), null);
    }

    private static string? KindProblem(string name, string[] extensions, int limit, long length, string what)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!extensions.Contains(extension))
        {
            var hint = extension == ".xls" ? " (an old Excel workbook: save it as .xlsx first)" : "";
            return $"The file must be {what} ({string.Join(" or ", extensions)}); {name} is not{hint}";
        }

        return length > limit
            ? $"The file must be {limit / (1024 * 1024)} MB or smaller; {name} is {length / (1024.0 * 1024.0):0.0} MB. Split it into smaller files and upload each"
            : null;
    }

    /// <summary>The file's own name (a browser may send a path), without control characters, shortened; null when nothing is left.</summary>
    private static string? CleanName(string? fileName)
    {
        var name = new string(Path.GetFileName((fileName ?? "").Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > FileNameLength)
        {
            // Keep the extension, which says what kind of file it is.
            var extension = Path.GetExtension(name) is { Length: <= 8 } e ? e : "";
            name = name[..(FileNameLength - extension.Length - 1)] + "…" + extension;
        }

        return name.Length == 0 ? null : name;
    }
}
