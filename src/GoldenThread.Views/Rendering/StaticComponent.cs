using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace GoldenThread.Views.Rendering;

/// <summary>
/// The base of small components rendered many times per page (a dashboard row's figures and marks): it renders once
/// each time its parameters are set, synchronously, with none of <see cref="ComponentBase"/>'s lifecycle (no
/// initialisation, no async, no events). Use it with <c>@inherits StaticComponent</c> in a component whose markup
/// depends on its parameters only.
/// </summary>
public abstract class StaticComponent : IComponent
{
    private RenderHandle _handle;
    private RenderFragment? _render;

    public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

    public Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        _handle.Render(_render ??= BuildRenderTree);
        return Task.CompletedTask;
    }

    /// <summary>The component's markup (the Razor compiler writes it from the .razor file).</summary>
    protected virtual void BuildRenderTree(RenderTreeBuilder builder)
    {
    }
}
