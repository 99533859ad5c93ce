using Microsoft.AspNetCore.Diagnostics;

namespace GoldenThread.Web.Hosting;

public static class ErrorPages
{
    /// <summary>
    /// Unknown URLs get the 404 page, bad requests the 400 page, and any fault a 500 page in plain words: never a stack
    /// trace (the exception goes to the log). API paths get problem JSON instead.
    /// </summary>
    public static WebApplication UseGoldenThreadErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async http =>
            {
                var feature = http.Features.Get<IExceptionHandlerFeature>();
                // Form binding wraps a failed antiforgery check in a BadHttpRequestException.
                var expiredForm = feature?.Error is Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException
                    || feature?.Error?.InnerException is Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException;
                var badRequest = expiredForm || feature?.Error is BadHttpRequestException;
                var status = badRequest ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: status, title: badRequest ? "Bad request" : "Something went wrong").ExecuteAsync(http);
                    return;
                }

                var result = badRequest
                    ? Components.Pages.Error(status, "There is a problem with the request", expiredForm
                        ? ExpiredForm
                        : "The request could not be read: " + feature?.Error.Message)
                    : Components.Pages.Error(status, "Sorry, there is a problem with the service", "Try again later. The problem has been logged.");
                await result.ExecuteAsync(http);
            },
        });
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength is > 0 || http.Response.ContentType is not null)
            {
                return;
            }

            var status = http.Response.StatusCode;
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: status).ExecuteAsync(http);
                return;
            }

            var antiforgery = http.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>();
            var result = status switch
            {
                400 when antiforgery is { IsValid: false } => Components.Pages.Error(400, "There is a problem with the request", ExpiredForm),
                401 => Components.Pages.Error(401, "Sign in to continue", "Sign in with your council account, then try again."),
                403 => Components.Pages.Error(403, "You cannot do this", "Your account is not allowed to do this."),
                404 => Components.Pages.Error(404, "Page not found", "If you typed the web address, check it is correct. If you pasted it, check you copied the entire address."),
                405 => Components.Pages.Error(405, "This page cannot be used that way", "The address does not accept this kind of request."),
                _ => Components.Pages.Error(status, "There is a problem with the request", $"The request could not be handled (status {status})."),
            };
            await result.ExecuteAsync(http);
        });
        return app;
    }

    private const string ExpiredForm = "The form had expired or did not come from this site. Go back, reload the page and try again.";

    /// <summary>Headers that cost nothing: no framing, no sniffing, scripts and styles only from this site.</summary>
    /// <remarks>
    /// Set as the response starts, so that they are on every response, including the error pages written after the
    /// exception handler has cleared the headers of a failed one.
    /// </remarks>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var h = http.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "same-origin";
                h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
                return Task.CompletedTask;
            });
            await next();
        });
        return app;
    }
}
