using Microsoft.Extensions.Primitives;

namespace GoldenThread.Web.Hosting;

/// <summary>
/// The application's endpoints, built once and shared, instead of once for each reader.
/// </summary>
/// <remarks>
/// A minimal API endpoint is built by compiling an expression tree into its request delegate, which the JIT then
/// compiles: a few milliseconds each, over a hundred endpoints here. The data sources that <c>MapGet</c> and
/// <c>MapGroup</c> add build a new set every time they are asked, and two readers ask: the authorization middleware's
/// policy cache as the pipeline is built at start, and the routing middleware's matcher on the first request. Measured
/// with <c>dotnet-trace</c> (3 December 2026), the second build was most of the first request's wait. Wrapped, both
/// readers get the same endpoints; <see cref="BuildInBackground"/> builds them on the other core while the store is
/// checked. The endpoints here are fixed once mapped (no data source changes them later), so one build is right for
/// the life of the process.
/// </remarks>
public sealed class EndpointsBuiltOnce(EndpointDataSource inner) : EndpointDataSource
{
    private readonly Lazy<IReadOnlyList<Endpoint>> _endpoints = new(() => inner.Endpoints);

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints.Value;

    public override IChangeToken GetChangeToken() => inner.GetChangeToken();

    /// <summary>Wraps every data source mapped so far. Call after the last <c>Map</c>.</summary>
    public static IReadOnlyList<EndpointsBuiltOnce> Wrap(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var wrapped = app.DataSources.Select(s => s as EndpointsBuiltOnce ?? new EndpointsBuiltOnce(s)).ToList();
        app.DataSources.Clear();
        foreach (var source in wrapped)
        {
            app.DataSources.Add(source);
        }

        return wrapped;
    }

    /// <summary>Builds the wrapped endpoints on the thread pool; the pipeline's readers wait for this build rather than start another.</summary>
    public static Task BuildInBackground(IReadOnlyList<EndpointsBuiltOnce> sources) =>
        Task.Run(() =>
        {
            foreach (var source in sources)
            {
                _ = source.Endpoints;
            }
        });
}
