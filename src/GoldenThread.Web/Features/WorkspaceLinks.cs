using GoldenThread.Views.Plans;
using GoldenThread.Web.Workspaces;

namespace GoldenThread.Web.Features;

/// <summary>The plan views' links to this application's pages of one workspace.</summary>
public sealed class WorkspaceLinks(WorkspaceData w) : IPlanLinks
{
    public string? Theme(string id) => w.ThemePath(id);

    public string? Outcome(string id) => w.OutcomePath(id);

    public string? Measure(string id) => w.MeasurePath(id);

    public string? Intention(string id) => w.WsPath("/intentions#" + Uri.EscapeDataString(id));

    public string? Action(string code) => w.WsPath("/actions#action-" + Uri.EscapeDataString(code));
}
