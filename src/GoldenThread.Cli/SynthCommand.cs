using System.CommandLine;
using GoldenThread.Data;
using GoldenThread.Data.Returns.Synthetic;

namespace GoldenThread.Cli;

internal static class SynthCommand
{
    public static Command Create()
    {
        var children = new Option<int>("--children") { Description = "How many children the synthetic council's returns describe.", DefaultValueFactory = _ => 2000 };
        var years = new Option<int>("--years") { Description = "How many collection years to write.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed gives the same files.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The folder to write ssda903/<year>/*.csv and cin/<year>/*.xml into.", Required = true };
        var command = new Command("synth", "Generate synthetic, internally consistent SSDA903 and CIN census files (no real child's data) for trying GoldenThread out.")
        {
            children, years, seed, output,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            var n = parse.GetValue(children);
            var y = parse.GetValue(years);
            if (n < 1 || y < 1)
            {
                throw new InputException(new InputError("command line", null, n < 1 ? "--children" : "--years", "expected a whole number of 1 or more"));
            }

            var folder = parse.GetValue(output)!;
            var summary = SyntheticReturns.Write(folder, n, y, parse.GetValue(seed));
            Console.WriteLine($"{summary.LookedAfterChildren} looked-after children ({summary.EpisodeRows} episode rows) and {summary.CinChildren} children in need ({summary.ReferralRecords} referrals), collection years {summary.FirstCollectionYear}-{summary.LastCollectionYear}");
            Console.WriteLine($"wrote {Path.GetFullPath(folder)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
