using GoldenThread.Web.Features;
using GoldenThread.Web.Hosting;
using GoldenThread.Web.Workspaces;

// The table of contents: services per feature, then the pipeline, then the endpoints per feature.
var builder = WebApplication.CreateBuilder(args);
// The server's name and version tell an attacker only which flaws to try.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
builder.AddGoldenThreadStore();
builder.AddAccounts();
builder.AddSingleSignOn();
builder.Services.AddMemoryCache(o => o.SizeLimit = 5000);
builder.Services.AddSingleton<LaitBenchmarks>();
builder.Services.AddScoped<WorkspaceService>();
// Pages are Razor components rendered on the server (static rendering only: no circuit, no WebAssembly).
builder.Services.AddRazorComponents();
builder.Services.AddPageCache();
builder.Services.AddProblemDetails();
// Today's readers refuse NaN and infinities, but an older version stored some: the API writes them as "NaN" and
// "Infinity" (the measure page says what is wrong with them) rather than failing the whole response.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling |= System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals);
builder.Services.AddOpenApi("v1", o => o.AddSecuritySchemes());

var app = builder.Build();
// LAIT is read (from its cache beside the store, or parsed) on the other core while the store is checked.
var lait = Task.Run(() => app.Services.GetRequiredService<LaitBenchmarks>().Get());

app.UseProxyHeaders();
app.UseSecurityHeaders();
app.UseGoldenThreadErrorPages();
app.UseStaticFiles();
// Routing after the static files: otherwise the implicit routing at the start picks the catch-all fallback below for
// /app.css and the GOV.UK Frontend files, and the static files middleware leaves a request with an endpoint alone (404).
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseOutputCache();

app.MapOpenApi("/openapi/{documentName}.json").Public();
app.MapHealthChecks("/health").WithMetadata(new HttpMethodMetadata(["GET", "HEAD"])).Public();
app.MapSignInPages();
app.MapSingleSignOnPages();
app.MapAccountPages();
app.MapPeoplePages();
app.MapPlanPages();
app.MapDashboardPages();
app.MapPackPages();
app.MapMeasurePages();
app.MapDeliveryPages();
app.MapQuarterPages();
app.MapCycleUploadPages();
app.MapGoldenThreadApi();
app.MapCycleApi();
app.MapAuditPages();

// Any other address is the 404 page for everyone (not a sign-in prompt, which the fallback policy would give).
app.MapFallback("{*path}", () => Results.NotFound()).Public().ExcludeFromDescription();
// The endpoints' request delegates are built once, beside the store's check, rather than twice after it.
var endpoints = EndpointsBuiltOnce.BuildInBackground(EndpointsBuiltOnce.Wrap(app));

// EF Core's model, then the public dashboards, are built in the background from now on (StartupWarmUp).
var storeReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
_ = StartupWarmUp.Start(app.Services, storeReady.Task);
try
{
    await app.InitialiseStoreAsync();
    storeReady.SetResult();
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync("GoldenThread cannot start: " + e.Message);
    return 2;
}
finally
{
    storeReady.TrySetCanceled();
}

await lait;
await endpoints;
app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
