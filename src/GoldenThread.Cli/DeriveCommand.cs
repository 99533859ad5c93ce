using System.CommandLine;
using GoldenThread.Data;
using GoldenThread.Data.Values;
using GoldenThread.Data.Workspace;

namespace GoldenThread.Cli;

internal static class DeriveCommand
{
    public static Command Create()
    {
        var ssda903 = new Option<string?>("--ssda903") { Description = "The SSDA903 folder: one sub-folder of CSV tables per collection year (2016 for 2015/16)." };
        var cin = new Option<string?>("--cin") { Description = "The CIN census folder: one sub-folder (XML or flattened CSV) per collection year." };
        var population = PopulationOption.Create("Children aged 0-17 in the area (a whole number above zero), for rates per 10,000 (left out without it).");
        var output = new Option<string>("--out") { Description = "The values file (CSV) to write.", Required = true };
        var command = new Command("derive", "Compute the children's social care measures from the statutory returns, for every financial year and rolling twelve months they cover, into a values file (docs/returns.md). The file is for the council's own use, not for publication: it holds every count, small ones included (it is an input, and 'report' withholds counts from 1 to 5 from what it writes).")
        {
            ssda903, cin, population, output,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            var a = parse.GetValue(ssda903);
            var c = parse.GetValue(cin);
            if (a is null && c is null)
            {
                throw new InputException(new InputError("command line", null, "--ssda903", "give --ssda903 FOLDER, --cin FOLDER or both"));
            }

            var derived = ReturnsLoader.DeriveAll(a, c, PopulationOption.Value(parse, population));
            var path = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var writer = new StreamWriter(path))
            {
                ValuesWriter.WriteCsv(derived, writer);
            }

            var measures = derived.Select(o => o.MeasureId).Distinct().Count();
            var periods = derived.Select(o => o.Period).Distinct().Count();
            Console.WriteLine($"{derived.Count} values of {measures} measures for {periods} periods");
            Console.WriteLine($"wrote {path}");
            // Disclosure control belongs to what is published from these values: withheld here, 'report' could not
            // work out the rates, changes and intervals that rest on them.
            Console.WriteLine("It is for the council's own use, not for publication: it holds every count, small ones included (no disclosure control); 'report' withholds them from what it writes.");
            Console.WriteLine("Name these measures in a plan with 'return: <measure id>' and give --ssda903/--cin to 'report' to use them directly.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
