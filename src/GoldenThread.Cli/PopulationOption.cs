using System.CommandLine;
using GoldenThread.Core.Returns;
using GoldenThread.Data;

namespace GoldenThread.Cli;

/// <summary>
/// --population, shared by report and derive. Taken as text and parsed by <see cref="ChildPopulation.Parse"/>, so that
/// "abc", 0, -5, NaN or 1e5 get a message naming the option and what was expected (exit 2), never the command-line
/// library's parse error with a type name.
/// </summary>
internal static class PopulationOption
{
    public static Option<string?> Create(string description) => new("--population") { Description = description };

    /// <summary>The population given, null when the option is absent; throws <see cref="InputException"/> when it is not a whole number above zero.</summary>
    public static double? Value(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is not { } text)
        {
            return null;
        }

        var parsed = ChildPopulation.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw new InputException(new InputError("command line", null, "--population", parsed.Error!));
    }
}
