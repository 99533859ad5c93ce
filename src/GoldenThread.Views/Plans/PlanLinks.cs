namespace GoldenThread.Views.Plans;

/// <summary>
/// Where the plan views link to: the web application's pages, or nothing (a published file or the committee pack,
/// where each view is plain text). A null address means no link.
/// </summary>
public interface IPlanLinks
{
    string? Theme(string id);

    string? Outcome(string id);

    string? Measure(string id);

    /// <summary>The row of an intention in the list of every intention.</summary>
    string? Intention(string id);

    /// <summary>The row of an action in the list of every action.</summary>
    string? Action(string code);
}

/// <summary>No links: every name is text.</summary>
public sealed class NoPlanLinks : IPlanLinks
{
    public static readonly NoPlanLinks Instance = new();

    public string? Theme(string id) => null;

    public string? Outcome(string id) => null;

    public string? Measure(string id) => null;

    public string? Intention(string id) => null;

    public string? Action(string code) => null;
}
