using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GoldenThread.Data.Plans;

/// <summary>
/// Checks a plan's text before it is built into a tree: its size, how deeply its lists and mappings nest, and that
/// every bracket and brace it opens is closed (docs/formats.md, "Limits").
/// </summary>
/// <remarks>
/// YamlDotNet's event parser keeps its state on a heap stack, but building the representation model recurses once per
/// level, so 30,000 nested brackets overflow the process's stack; and a flow list left open before a new key makes
/// its scanner throw <see cref="InvalidOperationException"/> with no position. Reading the events first, with a depth
/// limit, turns both into an error at a line and column before anything recursive runs.
/// </remarks>
internal static class YamlLimits
{
    /// <summary>The largest plan read: the largest bundled plan is under 60 KB.</summary>
    public const int MaxCharacters = 4 * 1024 * 1024;

    /// <summary>The deepest nesting of lists and mappings: a plan needs about eight levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads at most <see cref="MaxCharacters"/> characters; more is an error rather than a longer read.</summary>
    public static string ReadText(TextReader reader, string fileName)
    {
        var buffer = new char[MaxCharacters + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = reader.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > MaxCharacters)
        {
            throw new InputException(new InputError(fileName, null, null,
                $"is more than {MaxCharacters / (1024 * 1024)} MB of text ({MaxCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters), larger than any plan; expected a plan file (the bundled samples are under 60 KB)"));
        }

        return new string(buffer, 0, length);
    }

    /// <summary>Walks the parser's events, refusing nesting beyond <see cref="MaxDepth"/> and naming an unclosed bracket.</summary>
    /// <exception cref="YamlException">The text is not YAML; the caller reports it with its position.</exception>
    public static void Check(string text, string fileName)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(bool Flow, Mark Start)>();
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e.End;
                switch (e)
                {
                    case MappingStart or SequenceStart:
                        if (open.Count == MaxDepth)
                        {
                            throw new InputException(new InputError(fileName, (int)e.Start.Line, e.Start.Column.ToString(CultureInfo.InvariantCulture),
                                $"lists and mappings nested more than {MaxDepth} levels deep; expected a plan, which nests a few levels (docs/plan-format.md)"));
                        }

                        open.Push((e is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow }, e.Start));
                        break;
                    case MappingEnd or SequenceEnd when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            var flow = open.Count > 0 && open.Peek().Flow;
            var at = flow ? open.Peek().Start : last;
            throw new InputException(new InputError(fileName, (int)at.Line, at.Column.ToString(CultureInfo.InvariantCulture),
                flow
                    ? "YAML syntax: a list or mapping opened here with '[' or '{' is not closed; expected ']' or '}' before the next key"
                    : "YAML syntax: the text cannot be read as YAML here; expected key: value lines and '- item' lists"));
        }
    }

    /// <summary>Reads a YAML file within the limits: its size first, then its nesting, then the document.</summary>
    /// <exception cref="YamlException">The text is not YAML; the caller reports it with its position.</exception>
    public static YamlDotNet.RepresentationModel.YamlStream Load(TextReader reader, string fileName)
    {
        var text = ReadText(reader, fileName);
        Check(text, fileName);
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }
}
