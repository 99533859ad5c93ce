using System.CommandLine;
using GoldenThread.Core.Disclosure;
using GoldenThread.Data;
using GoldenThread.Data.AreaComparisons;
using GoldenThread.Data.Plans;
using GoldenThread.Data.Workspace;
using GoldenThread.Reporting.CommitteePack;

namespace GoldenThread.Cli;

/// <summary>
/// <c>goldenthread pack</c>: the quarterly committee pack (pack.docx, pack.xlsx, and pack.pdf printed with Chromium) for one council and period, from the
/// same sources as <c>report</c>, with the title block and recommendations given on the command line.
/// </summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var sample = new Option<string?>("--sample") { Description = "Run a bundled sample by name (see 'samples'); other options override its manifest." };
        var plan = new Option<string?>("--plan") { Description = "The plan file (YAML; see docs/plan-format.md)." };
        var data = new Option<string?>("--data") { Description = "The council's own values (CSV or XLSX; see docs/formats.md)." };
        var benchmarks = new Option<string?>("--benchmarks") { Description = "LAIT's bds_long.csv, for all councils' data." };
        var dictionary = new Option<string?>("--dictionary") { Description = "LAIT's data dictionary (default: lait_data_dictionary.csv beside --benchmarks)." };
        var neighbours = new Option<string?>("--neighbours") { Description = "DfE's statistical-neighbour workbook (default: sn_may_2025.xlsx beside --benchmarks)." };
        var ssda903 = new Option<string?>("--ssda903") { Description = "The council's SSDA903 folder, for measures with 'return:' in the plan." };
        var cin = new Option<string?>("--cin") { Description = "The council's CIN census folder, for measures with 'return:' in the plan." };
        var population = PopulationOption.Create("Children aged 0-17 in the area (a whole number above zero), for rates per 10,000 derived from the returns.");
        var la = new Option<string?>("--la") { Description = "The home council: LA number (855) or name (Leicestershire). Default: the plan's." };
        var period = new Option<string?>("--period") { Description = "The reporting period, e.g. '2015/16 Q3' (default: the latest)." };
        var threshold = new Option<int>("--disclosure-threshold")
        {
            Description = "Withhold counts from 1 to N, and figures worked out from them (default 5). 0 turns disclosure control off: for internal use only, never for publication.",
            DefaultValueFactory = _ => DisclosureRules.Default.Threshold,
        };
        var committee = new Option<string?>("--committee") { Description = "The committee, for the title block (e.g. 'Children and Families Overview and Scrutiny Committee'); omitted when not given." };
        var meetingDate = new Option<string?>("--meeting-date") { Description = "The date of the meeting as it should be written (e.g. '4 April 2016'); omitted when not given." };
        var reportOf = new Option<string?>("--report-of") { Description = "Whose report it is (e.g. 'Director of Children and Family Services'); omitted when not given." };
        var recommendation = new Option<string[]>("--recommendation")
        {
            Description = "A recommendation to the committee, one paragraph; repeat for more. Without any, the Recommendations section is left out.",
            AllowMultipleArgumentsPerToken = false,
        };
        var backgroundPaper = new Option<string[]>("--background-paper")
        {
            Description = "A background paper, as it should be listed; repeat for more. Default: the plan's committee-report background-papers.",
            AllowMultipleArgumentsPerToken = false,
        };
        var circulation = new Option<string?>("--circulation") { Description = "Circulation under the local issues alert procedure (e.g. 'None.'). Default: the plan's." };
        var equality = new Option<string[]>("--equality")
        {
            Description = "Equality and human rights implications, one paragraph; repeat for more. Default: the plan's.",
            AllowMultipleArgumentsPerToken = false,
        };
        var officer = new Option<string[]>("--officer")
        {
            Description = "An officer to contact: 'Name; Role; Telephone; Email' (leave a part empty to omit it); repeat for more. Default: the plan's.",
            AllowMultipleArgumentsPerToken = false,
        };
        var comparisons = new Option<string?>("--comparisons")
        {
            Description = "An area comparison for the confidence-interval appendix: a bundled area-comparison sample (e.g. ncmp-2014-15) or its manifest's path. Default: the sample's comparisons, if any.",
        };
        var previousPlan = new Option<string?>("--previous-plan") { Description = "The previous version of the plan (YAML); the pack then lists the measures added, removed and changed since." };
        var output = new Option<string>("--out") { Description = "The folder to write pack.docx, pack.pdf and pack.xlsx into.", DefaultValueFactory = _ => "out" };

        var command = new Command("pack", "Build the committee pack (covering report and appendices, as DOCX, PDF and XLSX) for a reporting period.")
        {
            sample, plan, data, benchmarks, dictionary, neighbours, ssda903, cin, population, la, period, threshold,
            committee, meetingDate, reportOf, recommendation, backgroundPaper, circulation, equality, officer, comparisons, previousPlan, output,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            var sampleName = parse.GetValue(sample);
            var planPath = parse.GetValue(plan);
            if (sampleName is null && planPath is null)
            {
                throw new InputException(new InputError("command line", null, "--plan", "give --plan FILE (your plan) or --sample NAME (a bundled sample)"));
            }

            var baseSources = sampleName is not null ? SampleCatalogue.Resolve(sampleName) : new ReportSources { PlanPath = planPath! };
            var sources = baseSources with
            {
                PlanPath = planPath ?? baseSources.PlanPath,
                ValuesPath = parse.GetValue(data) ?? baseSources.ValuesPath,
                BenchmarksPath = parse.GetValue(benchmarks) ?? baseSources.BenchmarksPath,
                DictionaryPath = parse.GetValue(dictionary) ?? baseSources.DictionaryPath,
                NeighboursPath = parse.GetValue(neighbours) ?? baseSources.NeighboursPath,
                Ssda903Path = parse.GetValue(ssda903) ?? baseSources.Ssda903Path,
                CinPath = parse.GetValue(cin) ?? baseSources.CinPath,
                ChildPopulation = PopulationOption.Value(parse, population) ?? baseSources.ChildPopulation,
                Council = parse.GetValue(la) ?? baseSources.Council,
                Period = parse.GetValue(period) ?? baseSources.Period,
                ComparisonsPath = parse.GetValue(comparisons) ?? baseSources.ComparisonsPath,
            };

            if (string.Equals(sources.Council, "all", StringComparison.OrdinalIgnoreCase))
            {
                throw new InputException(new InputError("command line", null, "--la", "a pack is for one council; give its LA number or name ('all' is for 'report')"));
            }

            var n = parse.GetValue(threshold);
            if (n < 0)
            {
                throw new InputException(new InputError("command line", null, "--disclosure-threshold", $"{n} is negative; expected 0 (off) or the largest count to withhold, e.g. 5"));
            }

            var options = new PackOptions
            {
                Committee = parse.GetValue(committee),
                MeetingDate = parse.GetValue(meetingDate),
                ReportOf = parse.GetValue(reportOf),
                Recommendations = parse.GetValue(recommendation) ?? [],
                BackgroundPapers = parse.GetValue(backgroundPaper) ?? [],
                Circulation = parse.GetValue(circulation),
                EqualityImplications = parse.GetValue(equality) ?? [],
                Officers = (parse.GetValue(officer) ?? []).Select(ParseOfficer).ToList(),
                PreviousPlan = parse.GetValue(previousPlan) is { } previous ? PlanReader.ReadFile(previous) : null,
                Comparisons = sources.ComparisonsPath is { } c ? LoadComparisons(c, n) : null,
            };

            var inputs = ReportJob.Load(sources, laitCache: GoldenThread.Store.DefaultStore.CacheFolder(GoldenThread.Store.DefaultStore.Location()));
            foreach (var line in ReportJob.Pack(inputs, parse.GetValue(output)!, n == 0 ? null : new DisclosureRules(n), options, Console.Error.WriteLine))
            {
                Console.WriteLine(line);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// The area comparison, its counts suppressed at the pack's threshold. With the threshold 0 (off, internal use)
    /// it keeps the default: <c>compare</c> has no off switch, and the pack does not add one through the back door.
    /// </summary>
    private static PackComparisons LoadComparisons(string sampleOrPath, int threshold)
    {
        var sources = AreaComparisonManifest.Find(sampleOrPath, "--comparisons");
        var rules = threshold == 0 ? DisclosureRules.Default : new DisclosureRules(threshold);
        return new PackComparisons(sources.Description, AreaComparisonLoader.Load(sources, rules));
    }

    /// <summary>'Name; Role; Telephone; Email', parts left empty where not wanted.</summary>
    internal static GoldenThread.Core.Plans.ContactOfficer ParseOfficer(string text)
    {
        var parts = text.Split(';').Select(p => p.Trim()).ToArray();
        if (parts.Length > 4)
        {
            throw new InputException(new InputError("command line", null, "--officer", $"'{text}' has {parts.Length} parts; expected at most four: 'Name; Role; Telephone; Email'"));
        }

        string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
        if (Part(0) is null && Part(1) is null)
        {
            throw new InputException(new InputError("command line", null, "--officer", $"'{text}' names neither an officer nor a role; expected 'Name; Role; Telephone; Email'"));
        }

        return new GoldenThread.Core.Plans.ContactOfficer(Part(0), Part(1), Part(2), Part(3));
    }
}
