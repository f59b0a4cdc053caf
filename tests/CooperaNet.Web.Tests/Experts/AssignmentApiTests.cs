using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Tests.Experts;

public sealed class AssignmentApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private const string Api = "/api/v1/expert-assignments";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_expert_is_ranked_proposed_accepts_completes_and_is_evaluated_once_by_the_receiving_state()
    {
        var demand = await factory.WaterDemandAsync("CO");
        var (expert, email) = await factory.RosterExpertAsync(ExpertData.AProfile("Valeria Ríos Api"));
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var focalPoint = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "CO");

        var ranked = await JsonAsync(await secretariat.Http.GetAsync($"{Api}/candidates?demand={demand.Id}&top=50&lang=es", Ct));
        var candidate = ranked.EnumerateArray().Single(c => c.GetProperty("expertId").GetGuid() == expert.Id);
        Assert.True(candidate.GetProperty("score").GetDouble() > 0);
        Assert.Contains(candidate.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("Mismo sector: 14030 Abastecimiento básico de agua potable", StringComparison.Ordinal));

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        using var proposed = await secretariat.Http.PostAsJsonAsync(Api, new { expertId = expert.Id, demandId = demand.Id, role = "Diseño de redes rurales", startsOn = Iso(today), endsOn = Iso(today.AddDays(30)) }, Ct);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var assignment = await JsonAsync(proposed);
        var id = assignment.GetProperty("id").GetGuid();
        Assert.Equal($"{Api}/{id}", proposed.Headers.Location?.OriginalString);
        Assert.Equal("CO", assignment.GetProperty("receivingState").GetString());
        Assert.Equal("proposed", assignment.GetProperty("status").GetString());

        var browser = await factory.SignedInAsync(email);

        Assert.Equal("accepted", await StatusAsync(await browser.Http.PostAsync($"{Api}/{id}/accept", null, Ct)));
        Assert.Equal("completed", await StatusAsync(await secretariat.Http.PostAsync($"{Api}/{id}/complete", null, Ct)));
        using var evaluated = await focalPoint.Http.PostAsJsonAsync($"{Api}/{id}/evaluation", new { score = 5, comment = "Excelente acompañamiento a las juntas de agua." }, Ct);
        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
        Assert.Equal(5, (await JsonAsync(evaluated)).GetProperty("evaluation").GetProperty("score").GetInt32());

        using var twice = await focalPoint.Http.PostAsJsonAsync($"{Api}/{id}/evaluation?lang=es", new { score = 1, comment = "Cambio de opinión." }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("Este trabajo ya fue evaluado: la evaluación se da una sola vez.", (await JsonAsync(twice)).GetProperty("detail").GetString());

        var roster = await JsonAsync(await secretariat.Http.GetAsync("/api/v1/experts?q=Valeria+Ríos+Api", Ct));
        var row = roster.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(1, row.GetProperty("evaluations").GetInt32());
        Assert.Equal(5, row.GetProperty("averageEvaluation").GetDouble());
        var mine = await JsonAsync(await browser.Http.GetAsync(Api, Ct));
        Assert.Equal(5, mine.EnumerateArray().Single().GetProperty("evaluation").GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Declining_needs_a_reason_said_in_the_callers_language()
    {
        var demand = await factory.WaterDemandAsync("PE");
        var (expert, email) = await factory.RosterExpertAsync();
        var assignment = await factory.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Proposed);
        var browser = await factory.SignedInAsync(email);

        using var refused = await browser.Http.PostAsJsonAsync($"{Api}/{assignment.Id}/decline?lang=pt", new { reason = "  " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Este dado é obrigatório.", (await JsonAsync(refused)).GetProperty("errors").GetProperty("reason")[0].GetString());
        await using (var db = factory.NewDbContext())
        {
            Assert.Equal(AssignmentStatus.Proposed, await db.ExpertAssignments.Where(a => a.Id == assignment.Id).Select(a => a.Status).SingleAsync(Ct));
        }

        using var declined = await browser.Http.PostAsJsonAsync($"{Api}/{assignment.Id}/decline", new { reason = "Estoy en otra misión esas semanas." }, Ct);
        var view = await JsonAsync(declined);
        Assert.Equal("declined", view.GetProperty("status").GetString());
        Assert.Equal("Estoy en otra misión esas semanas.", view.GetProperty("declineReason").GetString());
    }

    [Fact]
    public async Task An_evaluation_needs_a_score_from_1_to_5_and_a_comment_each_said_on_its_field()
    {
        var demand = await factory.WaterDemandAsync("CO");
        var (expert, _) = await factory.RosterExpertAsync();
        var assignment = await factory.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Completed);
        var focalPoint = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "CO");
        var path = $"{Api}/{assignment.Id}/evaluation?lang=en";

        using var empty = await focalPoint.Http.PostAsJsonAsync(path, new { }, Ct);
        var errors = (await JsonAsync(empty)).GetProperty("errors");
        Assert.Equal(("This is required.", "This is required."), (errors.GetProperty("score")[0].GetString(), errors.GetProperty("comment")[0].GetString()));
        using var six = await focalPoint.Http.PostAsJsonAsync(path, new { score = 6, comment = "Más que excelente." }, Ct);
        Assert.Equal("Choose a score from 1 to 5.", (await JsonAsync(six)).GetProperty("errors").GetProperty("score")[0].GetString());
        using var noComment = await focalPoint.Http.PostAsJsonAsync(path, new { score = 3, comment = "" }, Ct);
        Assert.Equal("This is required.", (await JsonAsync(noComment)).GetProperty("errors").GetProperty("comment")[0].GetString());

        await using var db = factory.NewDbContext();
        Assert.Null(await db.ExpertAssignments.Where(a => a.Id == assignment.Id).Select(a => a.EvaluationScore).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_receiving_states_focal_point_reads_the_profile_and_cv_and_the_read_is_audited_under_them()
    {
        var demand = await factory.WaterDemandAsync("CO");
        var (expert, _) = await factory.RosterExpertAsync();
        var focalEmail = $"fp-co-{Guid.NewGuid():N}@example.org";
        var focalPoint = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "CO", email: focalEmail);

        using (var before = await focalPoint.Http.GetAsync($"/api/v1/experts/{expert.Id}", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        }

        await factory.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Accepted);
        var profile = await JsonAsync(await focalPoint.Http.GetAsync($"/api/v1/experts/{expert.Id}", Ct));
        Assert.Equal(expert.FullName, profile.GetProperty("fullName").GetString());
        using var cv = await focalPoint.Http.GetAsync($"/api/v1/experts/{expert.Id}/cv", Ct);
        Assert.Equal(HttpStatusCode.OK, cv.StatusCode);
        Assert.Equal(ExpertData.Pdf, await cv.Content.ReadAsByteArrayAsync(Ct));

        await using var db = factory.NewDbContext();
        var reader = await db.Users.Where(u => u.Email == focalEmail).Select(u => u.Id).SingleAsync(Ct);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "ExpertCv" && a.Action == "read" && a.EntityKey == expert.Id.ToString() && a.ActorId == reader, Ct));
    }

    [Fact]
    public async Task Another_states_focal_point_cannot_read_the_profile_or_cv_nor_evaluate_and_nothing_is_written()
    {
        var demand = await factory.WaterDemandAsync("CO");
        var (expert, _) = await factory.RosterExpertAsync();
        var assignment = await factory.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Completed);
        var other = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "AR");
        await using var db = factory.NewDbContext();
        var lastAudit = await db.AuditEntries.MaxAsync(a => (long?)a.Id, Ct) ?? 0;

        using var profile = await other.Http.GetAsync($"/api/v1/experts/{expert.Id}", Ct);
        using var cv = await other.Http.GetAsync($"/api/v1/experts/{expert.Id}/cv", Ct);
        using var read = await other.Http.GetAsync($"{Api}/{assignment.Id}", Ct);
        using var evaluate = await other.Http.PostAsJsonAsync($"{Api}/{assignment.Id}/evaluation", new { score = 2, comment = "No nos concierne." }, Ct);
        var listed = await JsonAsync(await other.Http.GetAsync(Api, Ct));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { profile.StatusCode, cv.StatusCode, read.StatusCode, evaluate.StatusCode });
        Assert.DoesNotContain(listed.EnumerateArray(), a => a.GetProperty("id").GetGuid() == assignment.Id);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Id > lastAudit && (a.EntityKey == expert.Id.ToString() || a.EntityKey == assignment.Id.ToString()), Ct));
        Assert.Null(await db.ExpertAssignments.Where(a => a.Id == assignment.Id).Select(a => a.EvaluationScore).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_declined_assignment_does_not_open_the_profile_to_the_state()
    {
        var demand = await factory.WaterDemandAsync("UY");
        var (expert, _) = await factory.RosterExpertAsync();
        await factory.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Declined);
        var focalPoint = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "UY");

        using var profile = await focalPoint.Http.GetAsync($"/api/v1/experts/{expert.Id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, profile.StatusCode);
    }

    [Fact]
    public async Task A_proposal_with_bad_fields_is_refused_field_by_field_in_french_and_creates_nothing()
    {
        var demand = await factory.WaterDemandAsync("CO");
        var (expert, _) = await factory.RosterExpertAsync();
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        using var refused = await secretariat.Http.PostAsJsonAsync($"{Api}?lang=fr", new { expertId = expert.Id, demandId = demand.Id, role = "", startsOn = "31/12/2026" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        Assert.Equal("Écrivez une date comme 2026-03-31.", errors.GetProperty("startsOn")[0].GetString());
        Assert.Equal("Cette information est obligatoire.", errors.GetProperty("endsOn")[0].GetString());

        using var noRole = await secretariat.Http.PostAsJsonAsync($"{Api}?lang=fr", new { expertId = expert.Id, demandId = demand.Id, role = " ", startsOn = "2026-12-31", endsOn = "2026-12-01" }, Ct);
        Assert.Equal("Cette information est obligatoire.", (await JsonAsync(noRole)).GetProperty("errors").GetProperty("role")[0].GetString());

        using var backwards = await secretariat.Http.PostAsJsonAsync($"{Api}?lang=fr", new { expertId = expert.Id, demandId = demand.Id, role = "Formation", startsOn = "2026-12-31", endsOn = "2026-12-01" }, Ct);
        Assert.Equal("Le dernier jour ne peut pas précéder le premier.", (await JsonAsync(backwards)).GetProperty("errors").GetProperty("endsOn")[0].GetString());

        await using var db = factory.NewDbContext();
        Assert.False(await db.ExpertAssignments.AnyAsync(a => a.ExpertId == expert.Id, Ct));
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_a_move_out_of_turn_is_a_localized_409()
    {
        var demand = await factory.WaterDemandAsync("CO");
        var (expert, _) = await factory.RosterExpertAsync();
        var (applicant, _) = await factory.ExpertAsync();
        var assignment = await factory.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Proposed);
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        using var unknown = await secretariat.Http.GetAsync($"{Api}/{Guid.NewGuid()}", Ct);
        using var unknownMove = await secretariat.Http.PostAsync($"{Api}/{Guid.NewGuid()}/complete", null, Ct);
        using var unknownDemand = await secretariat.Http.GetAsync($"{Api}/candidates?demand={Guid.NewGuid()}", Ct);
        using var unknownExpert = await secretariat.Http.PostAsJsonAsync(Api, new { expertId = Guid.NewGuid(), demandId = demand.Id, role = "Formación", startsOn = "2026-01-01", endsOn = "2026-02-01" }, Ct);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { unknown.StatusCode, unknownMove.StatusCode, unknownDemand.StatusCode, unknownExpert.StatusCode });

        using var early = await secretariat.Http.PostAsync($"{Api}/{assignment.Id}/complete?lang=en", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("The assignment's status does not allow this change.", (await JsonAsync(early)).GetProperty("detail").GetString());

        using var notInRoster = await secretariat.Http.PostAsJsonAsync($"{Api}?lang=es", new { expertId = applicant.Id, demandId = demand.Id, role = "Formación", startsOn = "2026-01-01", endsOn = "2026-02-01" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, notInRoster.StatusCode);
        Assert.Equal("Solo se asignan expertos aprobados en el registro y disponibles.", (await JsonAsync(notInRoster)).GetProperty("detail").GetString());

        using var badTop = await secretariat.Http.GetAsync($"{Api}/candidates?demand={demand.Id}&top=0&lang=es", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badTop.StatusCode);
        Assert.True((await JsonAsync(badTop)).GetProperty("errors").TryGetProperty("top", out _));
    }

    [Fact]
    public async Task Each_sees_the_list_that_concerns_them()
    {
        var colombia = await factory.WaterDemandAsync("CO");
        var chile = await factory.WaterDemandAsync("CL");
        var (expert, email) = await factory.RosterExpertAsync();
        var inColombia = await factory.AssignmentAsync(expert.Id, colombia.Id, AssignmentStage.Proposed);
        var inChile = await factory.AssignmentAsync(expert.Id, chile.Id, AssignmentStage.Proposed);
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var chileanFocalPoint = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "CL");
        var browser = await factory.SignedInAsync(email);

        Assert.Equal([inChile.Id, inColombia.Id], await IdsAsync(secretariat, $"{Api}?expert={expert.Id}"));
        Assert.Equal([inColombia.Id], await IdsAsync(secretariat, $"{Api}?demand={colombia.Id}"));
        Assert.Equal([inChile.Id, inColombia.Id], await IdsAsync(browser, Api));
        Assert.Contains(inChile.Id, await IdsAsync(chileanFocalPoint, Api));
        Assert.DoesNotContain(inColombia.Id, await IdsAsync(chileanFocalPoint, Api));
        using var badFilter = await secretariat.Http.GetAsync($"{Api}?expert=nobody&lang=es", Ct);
        Assert.Equal("No es un identificador válido.", (await JsonAsync(badFilter)).GetProperty("errors").GetProperty("expert")[0].GetString());
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<Guid>> IdsAsync(AccountClient client, string path) =>
        [.. (await JsonAsync(await client.Http.GetAsync(path, Ct))).EnumerateArray().Select(a => a.GetProperty("id").GetGuid())];

    private static async Task<string?> StatusAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await JsonAsync(response)).GetProperty("status").GetString();
        }
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(Ct));
}
