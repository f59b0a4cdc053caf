using CooperaNet.Application.Newsletter;
using CooperaNet.Domain;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Newsletter;

/// <summary>
/// The newsletter's API: anyone subscribes (double opt-in, throttled) and reads the archive of sent issues;
/// the secretariat composes, edits, previews and sends issues. Unsubscribing is the one-click page the
/// e-mails' List-Unsubscribe header points to.
/// </summary>
public static class NewsletterEndpoints
{
    private const int PageSize = 20;

    public static IEndpointRouteBuilder MapNewsletterEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(NewsletterRoutes.ApiGroup).WithTags("Newsletter").AddEndpointFilter(ApiLanguage.Validate);
        group.MapPost("/subscriptions", SubscribeAsync)
            .AllowAnonymous().WithName("SubscribeToNewsletter")
            .WithSummary("Subscribe an address to an audience's newsletter in a language. The answer is the same whether or not it was subscribed; a confirmation letter follows when needed (429 when asked too often).")
            .ProducesValidationProblem().ProducesProblem(429);
        group.MapPost("/subscriptions/confirmation", async (ConfirmInput? input, NewsletterSubscriptions subscriptions, IStringLocalizer<Program> text, CancellationToken ct) =>
                await subscriptions.ConfirmAsync(input?.Token, ct) ? Results.NoContent() : Problems.NotFound(text, "newsletter.token-invalid"))
            .AllowAnonymous().WithName("ConfirmNewsletterSubscription").WithSummary("Confirm a subscription with the token of its letter (404 when unknown, used or expired).")
            .Produces(204).ProducesProblem(404);
        group.MapGet("/issues", async (HttpContext http, string? language, int? page, NewsletterIssues issues, IAuthorizationService auth, CancellationToken ct) =>
            {
                var number = Math.Max(page ?? 1, 1);
                var (items, total) = await issues.ListAsync(await IsSecretariatAsync(auth, http), Languages.IsSupported(language) ? language : null, number, PageSize, ct);
                return TypedResults.Ok(new IssuePage(items.Select(IssueView.Of).ToList(), number, PageSize, total));
            })
            .AllowAnonymous().WithName("ListNewsletterIssues").WithSummary("Sent issues latest first, optionally of one language (drafts too for the secretariat).");
        group.MapGet("/issues/{id:guid}", async (Guid id, HttpContext http, NewsletterIssues issues, IAuthorizationService auth, IStringLocalizer<Program> text, CancellationToken ct) =>
                await issues.FindAsync(id, await IsSecretariatAsync(auth, http), ct) is { } issue ? TypedResults.Ok(IssueView.Of(issue)) : Problems.NotFound(text))
            .AllowAnonymous().WithName("GetNewsletterIssue").WithSummary("One issue with its items.").Produces<IssueView>().ProducesProblem(404);

        var secretariat = group.MapGroup("/issues").RequireAuthorization(Policies.Secretariat);
        secretariat.MapPost("/", async (ComposeInput? input, NewsletterIssues issues, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await issues.ComposeAsync(input?.Language, input?.Audience, ct), text, created: true))
            .WithName("ComposeNewsletterIssue").WithSummary("A new draft with the content published since the language's previous issue (secretariat).")
            .Produces<IssueView>(201).ProducesValidationProblem().ProducesProblem(403);
        secretariat.MapPut("/{id:guid}", async (Guid id, IssueInput? input, NewsletterIssues issues, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await issues.UpdateAsync(id, input?.Title, input?.Introduction, input?.Items, ct), text))
            .WithName("UpdateNewsletterIssue").WithSummary("Change a draft's title, introduction and items (secretariat).")
            .Produces<IssueView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        secretariat.MapGet("/{id:guid}/candidates", async (Guid id, NewsletterIssues issues, IStringLocalizer<Program> text, CancellationToken ct) =>
                await issues.FindAsync(id, withDrafts: true, ct) is { } issue
                    ? TypedResults.Ok((await issues.CandidatesAsync(issue.Language, await issues.SinceAsync(issue.Language, ct), ct)).Select(IssueView.Item).ToList())
                    : Problems.NotFound(text))
            .WithName("ListNewsletterCandidates").WithSummary("The content a draft may carry: published since the language's previous issue (secretariat).")
            .Produces<List<IssueItemView>>().ProducesProblem(404);
        secretariat.MapGet("/{id:guid}/preview", async (Guid id, HttpContext http, NewsletterIssues issues, AccountEmails emails, INewsletterTexts texts, IStringLocalizer<Program> text, CancellationToken ct) =>
                await issues.FindAsync(id, withDrafts: true, ct) is { } issue
                    ? TypedResults.Ok(Preview(issue, emails.BaseUrl(http.Request), texts))
                    : Problems.NotFound(text))
            .WithName("PreviewNewsletterIssue").WithSummary("The issue's e-mail exactly as subscribers get it: subject, text and HTML (secretariat).")
            .Produces<EmailPreview>().ProducesProblem(404);
        secretariat.MapPost("/{id:guid}/send", async (Guid id, HttpContext http, NewsletterIssues issues, AccountEmails emails, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await issues.SendAsync(id, emails.BaseUrl(http.Request), ct), text))
            .WithName("SendNewsletterIssue").WithSummary("Send a draft to its confirmed subscribers, in batches at the configured rate (secretariat; 409 when already sent or empty).")
            .Produces<IssueView>().ProducesProblem(404).ProducesProblem(409);
        secretariat.MapDelete("/{id:guid}", async (Guid id, NewsletterIssues issues, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await issues.DeleteOrRestoreAsync(id, delete: true, ct), text))
            .WithName("DeleteNewsletterIssue").WithSummary("Delete a draft; it can be restored (secretariat; 409 for a sent issue).")
            .Produces<IssueView>().ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{id:guid}/restore", async (Guid id, NewsletterIssues issues, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await issues.DeleteOrRestoreAsync(id, delete: false, ct), text))
            .WithName("RestoreNewsletterIssue").WithSummary("Bring a deleted draft back (secretariat; 409 when it is not deleted).")
            .Produces<IssueView>().ProducesProblem(404).ProducesProblem(409);
        return routes;
    }

    public static EmailPreview Preview(Domain.Newsletter.NewsletterIssue issue, string baseUrl, INewsletterTexts texts)
    {
        var email = NewsletterIssues.Preview(issue, baseUrl, texts);
        return new EmailPreview(email.Subject, email.Text, email.Html);
    }

    private static async Task<Results<Accepted<SubscribeAccepted>, ValidationProblem, ProblemHttpResult>> SubscribeAsync(
        SubscribeInput? input, HttpContext http, NewsletterSubscriptions subscriptions, SubscribeThrottle throttle, AccountEmails emails, IStringLocalizer<Program> text, CancellationToken ct)
    {
        if (!throttle.Allow(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["Newsletter.TooMany"]);
        }

        var errors = await subscriptions.SubscribeAsync(input?.Email, input?.Audience, input?.Language, emails.BaseUrl(http.Request), ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => Problems.Message(text, e)).ToArray()),
                title: text["Problem.Validation"]);
        }

        return TypedResults.Accepted((string?)null, new SubscribeAccepted("check-your-inbox"));
    }

    private static async Task<bool> IsSecretariatAsync(IAuthorizationService auth, HttpContext http) =>
        (await auth.AuthorizeAsync(http.User, Policies.Secretariat)).Succeeded;

    private static IResult Result(IssueOutcome outcome, IStringLocalizer text, bool created = false) => outcome switch
    {
        { Issue: { } issue } when created => TypedResults.Created($"{NewsletterRoutes.ApiGroup}/issues/{issue.Id}", IssueView.Of(issue)),
        { Issue: { } issue } => TypedResults.Ok(IssueView.Of(issue)),
        { NotFound: true } => Problems.NotFound(text),
        { Refused: { } refused } => Problems.Conflict(text, refused.Code),
        _ => Problems.Validation(text, outcome.Errors),
    };
}
