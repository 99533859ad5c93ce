using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace GoldenThread.Web.Hosting;

/// <summary>Behind a proxy that ends TLS: the scheme and client address it forwards, believed only from the proxies configured.</summary>
public static class ProxyHeaders
{
    /// <summary>
    /// With <c>GoldenThread:KnownProxies</c> or <c>KnownNetworks</c> set, a request from one of them (or from this machine)
    /// takes its scheme from <c>X-Forwarded-Proto</c> and its client address from <c>X-Forwarded-For</c>: the request
    /// is https as the browser made it (cookies Secure, absolute links https) and the per-address limits count the person,
    /// not the proxy. From any other address the headers are ignored, so nobody can claim https or another address.
    /// </summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<GoldenThreadOptions>>().Value;
        if (settings.KnownProxies.Length == 0 && settings.KnownNetworks.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        app.UseForwardedHeaders(options);
        return app;
    }
}
