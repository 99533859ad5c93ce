using GoldenThread.Core.Measures;
using GoldenThread.Core.Plans;
using GoldenThread.Core.Returns;
using GoldenThread.Data.Returns;

namespace GoldenThread.Data.Workspace;

/// <summary>Reads a council's SSDA903 and CIN census folders and derives its measures for every window they cover.</summary>
/// <remarks>
/// The folders hold one sub-folder per collection year, named by the year of its 31 March (<c>2016</c> for 2015/16).
/// Windows derived: the financial year of the first collection, then every rolling twelve months ending at a quarter
/// end up to the last collection's 31 March, so a dashboard has both the latest figure and its history. A rolling window
/// ending before the first collection's year would start before the data does, so none is derived.
/// </remarks>
public static class ReturnsLoader
{
    /// <summary>Every derived figure for every window, with the catalogue's measure ids.</summary>
    public static IReadOnlyList<Observation> DeriveAll(string? ssda903Folder, string? cinFolder, double? childPopulation)
    {
        if (ssda903Folder is null && cinFolder is null)
        {
            return [];
        }

        var years = new SortedSet<int>();
        foreach (var (folder, option) in new[] { (ssda903Folder, "--ssda903"), (cinFolder, "--cin") })
        {
            if (folder is null)
            {
                continue;
            }

            if (!Directory.Exists(folder))
            {
                throw new InputException(new InputError(folder, null, null, $"folder not found (from {option}); expected a folder with one sub-folder per collection year, e.g. {folder}/2016/"));
            }

            var found = CollectionYears.In(folder).Select(y => y.Year).ToList();
            if (found.Count == 0)
            {
                throw new InputException(new InputError(folder, null, null,
                    $"no collection-year sub-folders (from {option}); expected one per year named by its 31 March, e.g. {Path.Combine(folder, "2016")} for 2015/16"));
            }

            years.UnionWith(found);
        }

        var lookedAfter = ssda903Folder is null ? null : Ssda903Reader.ReadFolder(ssda903Folder);
        var inNeed = cinFolder is null ? null : CinCensusReader.ReadFolder(cinFolder);
        var options = new ReturnOptions { ChildPopulation = childPopulation };

        var windows = new List<ReportingWindow> { ReportingWindow.FinancialYear(years.Min - 1) };
        for (var fy = years.Min; fy <= years.Max - 1; fy++)
        {
            for (var q = 1; q <= 4; q++)
            {
                windows.Add(ReportingWindow.RollingYearTo(fy, q));
            }
        }

        return windows.SelectMany(w => ReturnMeasures.Derive(lookedAfter, inNeed, w, options)).ToList();
    }

    /// <summary>The derived figures for the plan's measures that name a <c>return:</c> id, under the plan's ids.</summary>
    public static IReadOnlyList<Observation> ForPlan(Plan plan, IReadOnlyList<Observation> derived)
    {
        var byReturnId = plan.Measures
            .Where(m => m.ReturnMeasureId is not null)
            .ToLookup(m => m.ReturnMeasureId!, StringComparer.OrdinalIgnoreCase);
        return derived
            .SelectMany(o => byReturnId[o.MeasureId].Select(m => o with { MeasureId = m.Id }))
            .ToList();
    }
}
