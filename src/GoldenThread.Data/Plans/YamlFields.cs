using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GoldenThread.Data.Plans;

/// <summary>Collects positioned problems while walking a YAML tree; sorted by position when reported.</summary>
internal sealed class YamlProblems(string fileName)
{
    private readonly List<(long Line, long Column, InputError Error)> _errors = [];

    public string FileName { get; } = fileName;

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<InputError> Sorted() =>
        _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).Select(e => e.Error).ToList();

    public void Add(Mark at, string? path, string message)
    {
        var text = string.IsNullOrEmpty(path) ? message : $"field '{path}': {message}";
        _errors.Add((at.Line, at.Column, new InputError(FileName, (int)at.Line, at.Column.ToString(CultureInfo.InvariantCulture), text)));
    }

    public void Add(YamlNode node, string? path, string message) => Add(node.Start, path, message);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s &&
        (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    public static string Describe(YamlNode node) => node switch
    {
        _ when IsNull(node) => "nothing",
        YamlMappingNode => "a mapping (key: value lines)",
        YamlSequenceNode => "a list",
        YamlScalarNode => "a single value",
        _ => "an alias",
    };

    public YamlMappingNode? AsMapping(YamlNode node, string path)
    {
        if (node is YamlMappingNode m)
        {
            return m;
        }

        Add(node, path, $"expected a mapping (key: value lines), found {Describe(node)}");
        return null;
    }

    public YamlSequenceNode? AsSequence(YamlNode node, string path)
    {
        if (node is YamlSequenceNode s)
        {
            return s;
        }

        Add(node, path, $"expected a list ('- item' lines or [a, b]), found {Describe(node)}");
        return null;
    }

    public YamlScalarNode? AsScalar(YamlNode node, string path)
    {
        if (node is YamlScalarNode s)
        {
            return s;
        }

        Add(node, path, $"expected a single value, found {Describe(node)}");
        return null;
    }
}

/// <summary>The keys of one YAML mapping, checked against the keys allowed there.</summary>
internal sealed class YamlFields
{
    private readonly YamlProblems _problems;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    public YamlFields(YamlProblems problems, YamlMappingNode node, string path, IReadOnlyList<string> allowed)
    {
        _problems = problems;
        Node = node;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                problems.Add(key, path, $"expected a plain key, found {YamlProblems.Describe(key)}");
                continue;
            }

            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var hint = Suggestions.Closest(name, allowed) is { } c
                    ? $"did you mean '{c}'?"
                    : "expected one of " + string.Join(", ", allowed);
                problems.Add(key, PathOf(name), "unknown key; " + hint);
                continue;
            }

            _values[name] = value;
        }
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public string PathOf(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>The value node, or null when the key is absent or its value is empty or blank (quoted or not).</summary>
    public YamlNode? Get(string key)
    {
        if (!_values.TryGetValue(key, out var v) || YamlProblems.IsNull(v))
        {
            return null;
        }

        return v is YamlScalarNode s && string.IsNullOrWhiteSpace(s.Value) ? null : v;
    }

    public void Missing(string key, string expected) => _problems.Add(Node, PathOf(key), "missing; expected " + expected);

    /// <summary>A single value as trimmed text; reports it when it is required and absent, or not a single value.</summary>
    public YamlScalarNode? Scalar(string key, string? requiredExpecting = null)
    {
        var v = Get(key);
        if (v is null)
        {
            if (requiredExpecting is not null)
            {
                Missing(key, requiredExpecting);
            }

            return null;
        }

        return _problems.AsScalar(v, PathOf(key));
    }

    public string? Text(string key, string? requiredExpecting = null) => Scalar(key, requiredExpecting)?.Value?.Trim();

    public YamlSequenceNode? Sequence(string key) => Get(key) is { } v ? _problems.AsSequence(v, PathOf(key)) : null;

    public YamlMappingNode? Mapping(string key, string? requiredExpecting = null)
    {
        var v = Get(key);
        if (v is null)
        {
            if (requiredExpecting is not null)
            {
                Missing(key, requiredExpecting);
            }

            return null;
        }

        return _problems.AsMapping(v, PathOf(key));
    }

    /// <summary>Each item of a list of single values, with its node and path (<c>key[i]</c>).</summary>
    public IReadOnlyList<(string Text, YamlScalarNode Node, string Path)> TextList(string key)
    {
        var result = new List<(string, YamlScalarNode, string)>();
        if (Sequence(key) is not { } seq)
        {
            return result;
        }

        for (var i = 0; i < seq.Children.Count; i++)
        {
            var itemPath = $"{PathOf(key)}[{i.ToString(CultureInfo.InvariantCulture)}]";
            var item = seq.Children[i];
            if (YamlProblems.IsNull(item))
            {
                _problems.Add(item, itemPath, "empty item; expected a value");
                continue;
            }

            if (_problems.AsScalar(item, itemPath) is { Value: { } text } s)
            {
                result.Add((text.Trim(), s, itemPath));
            }
        }

        return result;
    }

    /// <summary>true/false (also yes/no); false when absent.</summary>
    public bool Flag(string key)
    {
        if (Scalar(key) is not { } s)
        {
            return false;
        }

        switch ((s.Value ?? "").Trim().ToLowerInvariant())
        {
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                _problems.Add(s, PathOf(key), $"'{s.Value}' is not true or false; expected true or false");
                return false;
        }
    }
}
