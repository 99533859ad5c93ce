using System.CommandLine;
using GoldenThread.Data.Plans;
using GoldenThread.Data.Values;

namespace GoldenThread.Cli;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "The plan file to check.", Required = true };
        var data = new Option<string?>("--data") { Description = "A values file to check against the plan." };
        var command = new Command("validate", "Check a plan (and optionally a values file) and list every problem found, without writing anything.")
        {
            plan, data,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            var p = PlanReader.ReadFile(parse.GetValue(plan)!);
            var outcomes = p.Themes.Sum(t => t.Outcomes.Count);
            var actions = p.Themes.Sum(t => t.Actions.Count + t.Outcomes.Sum(o => o.Actions.Count));
            var intentions = p.Themes.Sum(t => t.Outcomes.Sum(o => o.Intentions.Count));
            Console.WriteLine($"{parse.GetValue(plan)}: valid: {p.Themes.Count} themes, {outcomes} outcomes, {intentions} commissioning intentions, {actions} actions, {p.Measures.Count} measures.");
            if (parse.GetValue(data) is { } valuesPath)
            {
                var values = ValuesReader.ReadFile(valuesPath, p);
                Console.WriteLine($"{valuesPath}: valid: {values.Count} values for {values.Select(v => v.MeasureId).Distinct(StringComparer.OrdinalIgnoreCase).Count()} measures.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
