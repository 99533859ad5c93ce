namespace GoldenThread.Data.Workspace;

/// <summary>The files and choices one dashboard is built from, as the user gave them (command-line options or a sample manifest).</summary>
public sealed record ReportSources
{
    public required string PlanPath { get; init; }

    /// <summary>The council's own values (CSV or XLSX); optional.</summary>
    public string? ValuesPath { get; init; }

    /// <summary>LAIT's <c>bds_long.csv</c>; optional.</summary>
    public string? BenchmarksPath { get; init; }

    /// <summary>LAIT's data dictionary; defaults to <c>lait_data_dictionary.csv</c> beside the benchmarks file.</summary>
    public string? DictionaryPath { get; init; }

    /// <summary>DfE's statistical-neighbour workbook; defaults to <c>sn_may_2025.xlsx</c> beside the benchmarks file.</summary>
    public string? NeighboursPath { get; init; }

    /// <summary>The home council: an LA number (<c>855</c>) or a name (<c>Leicestershire</c>); defaults to the plan's.</summary>
    public string? Council { get; init; }

    /// <summary>The council's SSDA903 return: a folder with one sub-folder of CSV tables per collection year.</summary>
    public string? Ssda903Path { get; init; }

    /// <summary>The council's CIN census: a folder with one sub-folder (XML or flattened CSV) per collection year.</summary>
    public string? CinPath { get; init; }

    /// <summary>Children aged 0–17 in the council's area, for rates per 10,000; rates are left out without it.</summary>
    public double? ChildPopulation { get; init; }

    /// <summary>The reporting period as written (<c>2015/16 Q3</c>); null for the latest.</summary>
    public string? Period { get; init; }

    /// <summary>
    /// An area comparison's manifest (<c>kind: area-comparison</c>), for the committee pack's confidence-interval
    /// appendix; optional.
    /// </summary>
    public string? ComparisonsPath { get; init; }
}
