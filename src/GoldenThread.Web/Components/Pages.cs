using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GoldenThread.Web.Components;

/// <summary>A page is a Razor component rendered on the server (static rendering: no circuit, no WebAssembly).</summary>
public static class Pages
{
    /// <summary>Renders page <typeparamref name="TPage"/> with <paramref name="parameters"/> (an anonymous object or a dictionary).</summary>
    public static RazorComponentResult<TPage> Render<TPage>(object parameters, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new(parameters) { StatusCode = statusCode, ContentType = "text/html; charset=utf-8" };

    /// <summary>An error page: what went wrong in plain words, never a stack trace.</summary>
    public static IResult Error(int statusCode, string heading, string message, Store.WorkspaceInfo? workspace = null) =>
        Render<ErrorPage>(new { Heading = heading, Message = message, Workspace = workspace }, statusCode);
}
