using System.Diagnostics;
using System.Text;
using GoldenThread.Views.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace GoldenThread.Bench;

/// <summary>A two-span mark (as Missing) as a ComponentBase component.</summary>
internal sealed class ChildBase : ComponentBase
{
    [Parameter] public string Words { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder b)
    {
        b.AddMarkupContent(0, "<span aria-hidden=\"true\">-</span>");
        b.OpenElement(1, "span"); b.AddAttribute(2, "class", "govuk-visually-hidden"); b.AddContent(3, Words); b.CloseElement();
    }
}

/// <summary>The same mark as an IComponent that renders once per parameter set (as StaticComponent).</summary>
internal sealed class ChildLight : IComponent
{
    private RenderHandle _handle;

    [Parameter] public string Words { get; set; } = "";

    public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

    public Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        _handle.Render(b =>
        {
            b.AddMarkupContent(0, "<span aria-hidden=\"true\">-</span>");
            b.OpenElement(1, "span"); b.AddAttribute(2, "class", "govuk-visually-hidden"); b.AddContent(3, Words); b.CloseElement();
        });
        return Task.CompletedTask;
    }
}

/// <summary>300 table cells, each holding the mark as one of the two components or written inline.</summary>
internal sealed class Parent : ComponentBase
{
    [Parameter] public int Mode { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder b)
    {
        for (var i = 0; i < 300; i++)
        {
            b.OpenElement(0, "td");
            if (Mode == 0) { b.OpenComponent<ChildBase>(1); b.AddComponentParameter(2, "Words", "no value"); b.CloseComponent(); }
            else if (Mode == 1) { b.OpenComponent<ChildLight>(3); b.AddComponentParameter(4, "Words", "no value"); b.CloseComponent(); }
            else { b.AddMarkupContent(5, "<span aria-hidden=\"true\">-</span>"); b.OpenElement(6, "span"); b.AddAttribute(7, "class", "govuk-visually-hidden"); b.AddContent(8, "no value"); b.CloseElement(); }
            b.CloseElement();
        }
    }
}

/// <summary>
/// What one component instance costs when HtmlRenderer writes a file: 158 files of 300 cells, each cell's mark a
/// ComponentBase child, an IComponent child, or inline markup in the parent. Why a dashboard row's many small child
/// components (marks, tags) dominate the time of writing dashboard.html (docs/web.md, "Speed: published files").
/// </summary>
internal static class ComponentCostBench
{
    public static void Run()
    {
        foreach (var rep in Enumerable.Range(0, 5))
        {
            foreach (var mode in new[] { 0, 1, 2 })
            {
                GC.Collect();
                var sw = Stopwatch.StartNew();
                for (var f = 0; f < 158; f++)
                {
                    using var w = new StreamWriter(Stream.Null, new UTF8Encoding(false));
                    StaticHtml.WriteAsync<Parent>(new Dictionary<string, object?> { ["Mode"] = mode }, w).GetAwaiter().GetResult();
                }

                Console.WriteLine($"mode {mode} ({(mode == 0 ? "ComponentBase child" : mode == 1 ? "IComponent child" : "inline")}): {sw.Elapsed.TotalMilliseconds:F1} ms for {158 * 300} cells");
            }
        }
    }
}
