using System.Globalization;

namespace GoldenThread.Data;

/// <summary>One problem in an input file: where it is and what was expected.</summary>
/// <param name="File">The file's name as the user gave it.</param>
/// <param name="Line">1-based line (CSV row counting the header as line 1; YAML line; XLSX row number).</param>
/// <param name="Column">The column's header name (CSV, XLSX) or 1-based character column (YAML); null when the whole line or file is wrong.</param>
/// <param name="Message">What is wrong and what was expected. Never the raw values of a record that may hold personal data.</param>
public sealed record InputError(string File, int? Line, string? Column, string Message)
{
    public override string ToString()
    {
        var where = File;
        if (Line is { } line)
        {
            where += ":" + line.ToString(CultureInfo.InvariantCulture);
        }

        return Column is null ? $"{where}: {Message}" : $"{where}: column '{Column}': {Message}";
    }
}

/// <summary>Thrown at the edge when an input is rejected; holds every problem found (readers collect, then throw once).</summary>
public sealed class InputException : Exception
{
    public InputException(IReadOnlyList<InputError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public InputException(InputError error)
        : this([error])
    {
    }

    public IReadOnlyList<InputError> Errors { get; }

    private static string Describe(IReadOnlyList<InputError> errors)
    {
        const int shown = 20;
        var lines = errors.Take(shown).Select(e => e.ToString()).ToList();
        if (errors.Count > shown)
        {
            lines.Add($"... and {errors.Count - shown} more problems");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
