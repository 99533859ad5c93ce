using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GoldenThread.Web.Hosting;

/// <summary>
/// The API's security in its OpenAPI document: a personal access token as a bearer token, or the browser's session
/// cookie. Operations open to everyone (<c>.Public()</c>) list no requirement; every other lists the two, either of which
/// will do.
/// </summary>
public static class OpenApiSecurity
{
    public const string Bearer = "bearer";

    public const string Cookie = "cookie";

    public static OpenApiOptions AddSecuritySchemes(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "gt_…",
                Description = "A personal access token, created in the browser at /account/tokens (it begins gt_): "
                    + "`Authorization: Bearer gt_…`. It acts as the person who created it, with their roles, until it expires or is revoked.",
            };
            document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = Schemes.CookieName,
                Description = "The session cookie of a person signed in at /sign-in (for calls from the browser; POSTs also need an antiforgery token there).",
            };
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                return Task.CompletedTask;
            }

            // Two requirements, not one with both schemes: either the token or the cookie is enough.
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] });
            return Task.CompletedTask;
        });
        return options;
    }
}
