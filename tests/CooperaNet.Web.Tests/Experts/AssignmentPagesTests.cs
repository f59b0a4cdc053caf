using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Tests.Experts;

public sealed class AssignmentPagesTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task From_the_demand_page_to_the_evaluation_the_pages_carry_the_whole_flow_without_javascript()
    {
        var demand = await factory.WaterDemandAsync("CO", "Agua potable para comunidades andinas");
        var (expert, email) = await factory.RosterExpertAsync(ExpertData.AProfile("Tomás Quiroga Páginas"));
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var focalPoint = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "CO");
        var demandPage = $"/en/catalog/{demand.Id}";

        var page = await secretariat.PageAsync(demandPage);
        Assert.Contains("Experts for this demand", page);
        Assert.Contains($"href=\"/en/experts/{expert.Id}\">Tomás Quiroga Páginas</a>", page);
        Assert.Contains("Same sector: 14030", page);

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        using (var proposed = await secretariat.PostFormAsync($"/en/experts/assignments/propose?demand={demand.Id}", new Dictionary<string, string>
        {
            ["Input.ExpertId"] = expert.Id.ToString(),
            ["Input.Role"] = "Community water trainer",
            ["Input.StartsOn"] = Iso(today.AddDays(-1)),
            ["Input.EndsOn"] = Iso(today.AddDays(15)),
        }, demandPage))
        {
            Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
            Assert.Equal($"{demandPage}#experts", proposed.Headers.Location?.OriginalString);
        }

        Assert.Contains("The expert was proposed", await secretariat.PageAsync(demandPage));
        await using var db = factory.NewDbContext();
        var id = await db.ExpertAssignments.Where(a => a.ExpertId == expert.Id).Select(a => a.Id).SingleAsync(Ct);

        var browser = await factory.SignedInAsync(email);

        Assert.Contains("Community water trainer", await browser.PageAsync("/en/experts/profile"));
        using (var accepted = await browser.PostFormAsync("/en/experts/profile?handler=Accept", new Dictionary<string, string> { ["assignmentId"] = id.ToString() }, "/en/experts/profile"))
        {
            Assert.Equal("/en/experts/profile#assignments", accepted.Headers.Location?.OriginalString);
        }

        var expertPage = $"/en/experts/{expert.Id}";
        Assert.Contains("Mark as completed", await secretariat.PageAsync(expertPage));
        using (var completed = await secretariat.PostFormAsync($"{expertPage}?handler=Complete", new Dictionary<string, string> { ["assignmentId"] = id.ToString() }, expertPage))
        {
            Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        }

        var assignments = await focalPoint.PageAsync("/en/experts/assignments");
        Assert.Contains($"href=\"/en/experts/{expert.Id}\">Tomás Quiroga Páginas</a>", assignments);
        Assert.Contains($"id=\"score-{id:N}\"", assignments);
        Assert.Contains("Tomás Quiroga Páginas", await focalPoint.PageAsync(expertPage));
        using (var evaluated = await focalPoint.PostFormAsync("/en/experts/assignments?handler=Evaluate", new Dictionary<string, string>
        {
            ["assignmentId"] = id.ToString(),
            ["score"] = "4",
            ["comment"] = "Trained twelve water boards; clear manuals.",
        }, "/en/experts/assignments"))
        {
            Assert.Equal("/en/experts/assignments", evaluated.Headers.Location?.OriginalString);
        }

        Assert.Contains("Thank you: your evaluation was recorded.", await focalPoint.PageAsync("/en/experts/assignments"));
        Assert.Contains("4.0 out of 5 (1)", await secretariat.PageAsync("/en/experts?q=Quiroga+P%C3%A1ginas"));
        var evaluatedPage = await secretariat.PageAsync(expertPage);
        Assert.Contains("Average: 4.0 out of 5 (one evaluation)", evaluatedPage);
        Assert.Contains("Trained twelve water boards; clear manuals.", evaluatedPage);
        Assert.Contains("Trained twelve water boards; clear manuals.", await browser.PageAsync("/en/experts/profile"));
    }

    [Theory]
    [InlineData(Who.Anonymous)]
    [InlineData(Who.OwnFocalPoint)]
    [InlineData(Who.Expert)]
    public async Task The_demand_page_shows_no_experts_to_anyone_but_the_secretariat(Who who)
    {
        var demand = await factory.WaterDemandAsync("CO");
        await factory.RosterExpertAsync(ExpertData.AProfile("Nadie Debe Verme"));
        var browser = who switch
        {
            Who.Anonymous => AccountClient.For(factory),
            Who.OwnFocalPoint => await Sessions.SignedInAsync(factory, Roles.FocalPoint, "CO"),
            _ => await Sessions.SignedInAsync(factory, Roles.Expert),
        };

        var page = await browser.PageAsync($"/es/catalog/{demand.Id}");

        Assert.DoesNotContain("Expertos para esta demanda", page);
        Assert.DoesNotContain("Nadie Debe Verme", page);
        Assert.DoesNotContain("/experts/assignments/propose", page);
    }

    [Fact]
    public async Task The_forms_refuse_a_decline_without_reason_an_evaluation_without_score_and_a_second_evaluation()
    {
        var demand = await factory.WaterDemandAsync("CO");
        var (expert, email) = await factory.RosterExpertAsync();
        var proposed = await factory.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Proposed);
        var completed = await factory.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Completed);
        var browser = await factory.SignedInAsync(email, "es");

        using var decline = await browser.PostFormAsync("/es/experts/profile?handler=Decline", new Dictionary<string, string> { ["assignmentId"] = proposed.Id.ToString(), ["reason"] = "" }, "/es/experts/profile");
        Assert.Equal(HttpStatusCode.BadRequest, decline.StatusCode);
        var declineHtml = await AccountClient.TextAsync(decline);
        Assert.Contains($"href=\"#reason-{proposed.Id:N}\"", declineHtml);
        Assert.Contains($"id=\"reason-{proposed.Id:N}-error\">Este dato es obligatorio.<", declineHtml);

        var focalPoint = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "CO", lang: "fr");
        using var noScore = await focalPoint.PostFormAsync("/fr/experts/assignments?handler=Evaluate", new Dictionary<string, string> { ["assignmentId"] = completed.Id.ToString(), ["comment"] = "Très bon." }, "/fr/experts/assignments");
        Assert.Equal(HttpStatusCode.BadRequest, noScore.StatusCode);
        var noScoreHtml = await AccountClient.TextAsync(noScore);
        Assert.Contains($"id=\"score-{completed.Id:N}-error\">Cette information est obligatoire.<", noScoreHtml);
        Assert.Contains("Très bon.</textarea>", noScoreHtml);

        using var first = await focalPoint.PostFormAsync("/fr/experts/assignments?handler=Evaluate", new Dictionary<string, string> { ["assignmentId"] = completed.Id.ToString(), ["score"] = "3", ["comment"] = "Bon travail." }, "/fr/experts/assignments");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await focalPoint.PostFormAsync("/fr/experts/assignments?handler=Evaluate", new Dictionary<string, string> { ["assignmentId"] = completed.Id.ToString(), ["score"] = "5", ["comment"] = "Finalement excellent." }, "/fr/experts/assignments");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Ce travail a déjà été évalué", await AccountClient.TextAsync(second));
        await using var db = factory.NewDbContext();
        Assert.Equal(3, await db.ExpertAssignments.Where(a => a.Id == completed.Id).Select(a => a.EvaluationScore).SingleAsync(Ct));
        Assert.Equal(AssignmentStatus.Proposed, await db.ExpertAssignments.Where(a => a.Id == proposed.Id).Select(a => a.Status).SingleAsync(Ct));
    }

    [Fact]
    public async Task Another_states_focal_point_neither_sees_the_profile_nor_evaluates()
    {
        var demand = await factory.WaterDemandAsync("CO");
        var (expert, _) = await factory.RosterExpertAsync(ExpertData.AProfile("Experta De Colombia"));
        var completed = await factory.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Completed);
        var other = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "AR");

        using var profile = await other.GetAsync($"/en/experts/{expert.Id}");
        Assert.StartsWith("/en/account/access-denied", profile.Headers.Location?.OriginalString);
        Assert.DoesNotContain("Experta De Colombia", await other.PageAsync("/en/experts/assignments"));
        using var evaluate = await other.PostFormAsync("/en/experts/assignments?handler=Evaluate", new Dictionary<string, string> { ["assignmentId"] = completed.Id.ToString(), ["score"] = "1", ["comment"] = "No." }, "/en/experts/assignments");
        Assert.Equal(HttpStatusCode.Forbidden, evaluate.StatusCode);
    }

    [Fact]
    public async Task An_expert_account_without_a_profile_is_invited_to_write_it_and_then_sees_it()
    {
        var email = $"sin-perfil-{Guid.NewGuid():N}@example.org";
        await factory.CreateUserAsync(email, Roles.Expert);
        var browser = await factory.SignedInAsync(email, "pt");

        var invitation = await browser.PageAsync("/pt/experts/profile");
        Assert.Contains("Complete seu perfil de especialista", invitation);

        var fields = ExpertData.Form(ExpertData.AProfile("Beatriz Sem Perfil", "BR"));
        using var refused = await browser.PostFormAsync("/pt/experts/profile", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("href=\"#Consent\"", await AccountClient.TextAsync(refused));

        fields["Consent"] = "true";
        using var created = await browser.PostFormAsync("/pt/experts/profile", fields);
        Assert.Equal("/pt/experts/profile", created.Headers.Location?.OriginalString);
        var profile = await browser.PageAsync("/pt/experts/profile");
        Assert.Contains("Seu perfil de especialista foi criado", profile);
        Assert.Contains("Beatriz Sem Perfil", profile);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
