using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Communications;
using CooperaNet.Web.Features.Crossing;
using CooperaNet.Web.Features.Events;
using CooperaNet.Web.Features.Experiences;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Features.FollowUp;
using CooperaNet.Web.Features.Guidelines;
using CooperaNet.Web.Features.Interop;
using CooperaNet.Web.Features.Newsletter;
using CooperaNet.Web.Features.OpenData;
using CooperaNet.Web.Features.Participation;
using CooperaNet.Web.Features.Partners;
using CooperaNet.Web.Features.Priorities;
using CooperaNet.Web.Features.Reference;
using CooperaNet.Web.Features.Reports;
using CooperaNet.Web.Features.WorkPlan;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddCooperaNetData();
builder.AddCooperaNetReverseProxy();
builder.AddCooperaNetLocalization();
builder.AddCooperaNetIdentity();
builder.AddCooperaNetEmail();
builder.AddCooperaNetWeb();
builder.AddCooperaNetFollowUp();
builder.AddCooperaNetNewsletter();
builder.AddCooperaNetTelemetry();

var app = builder.Build();
if (!await app.Services.PrepareDatabaseAsync(app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart))
{
    await app.DisposeAsync(); // flushes the log line that says why
    return 1;
}

app.SeedDemoCatalogInDevelopment();

app.UseForwardedHeaders();
app.UseRequestId();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}

app.UseMiddleware<DatabaseFaults>();

app.UseWhen(context => context.Request.IsApi(), api => api.UseStatusCodePages());
app.UseWhen(context => !context.Request.IsApi(), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
app.UseVersionedStaticFiles();
app.UseRouting();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseSecretariatTwoFactor();
app.UseAuthorization();
app.UseMiddleware<IdempotencyKeys>();
app.UseOutputCache();

app.MapRazorPages();
app.MapGet("/", (HttpContext context) => Results.Redirect($"/{UiStrings.CurrentLanguage}/")).ExcludeFromDescription().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapReferenceEndpoints();
app.MapWorkPlanEndpoints();
app.MapWorkPlanTrackingEndpoints();
app.MapReportEndpoints();
app.MapCatalogEndpoints();
app.MapSuggestEndpoints();
app.MapAttachmentEndpoints();
app.MapPairEndpoints();
app.MapParticipationEndpoints();
app.MapPriorityEndpoints();
app.MapFollowUpEndpoints();
app.MapExpertEndpoints();
app.MapCallEndpoints();
app.MapAssignmentEndpoints();
app.MapAccountEndpoints();
app.MapExperienceEndpoints();
app.MapIatiEndpoints();
app.MapSidicssEndpoints();
app.MapOpenDataEndpoints();
app.MapEventEndpoints();
app.MapGuidelineEndpoints();
app.MapNewsletterEndpoints();
app.MapCommunicationEndpoints();
app.MapPartnerEndpoints();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponses.WriteJsonAsync }).AllowAnonymous();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the application.</summary>
public partial class Program;
