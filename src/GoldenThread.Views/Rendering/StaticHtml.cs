using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldenThread.Views.Rendering;

/// <summary>
/// Renders a component to HTML outside a web request, with the framework's <see cref="HtmlRenderer"/>: how the command
/// line writes the published files from the same components the web application shows.
/// </summary>
public static class StaticHtml
{
    // Components here take everything as parameters and need no services beyond logging.
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    /// <summary>Writes component <typeparamref name="TComponent"/> with <paramref name="parameters"/> to <paramref name="writer"/>.</summary>
    public static async Task WriteAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters, TextWriter writer)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(writer);
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary()));
            output.WriteHtmlTo(writer);
        });
    }

    /// <summary>The component's HTML as a string.</summary>
    public static async Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        using var writer = new StringWriter();
        await WriteAsync<TComponent>(parameters, writer);
        return writer.ToString();
    }
}
