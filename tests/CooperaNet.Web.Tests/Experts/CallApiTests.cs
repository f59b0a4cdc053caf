using System.Net;
using System.Net.Http.Json;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Experts.CallData;

namespace CooperaNet.Web.Tests.Experts;

public sealed class CallApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_goes_from_draft_to_an_approved_expert_in_the_roster_with_every_step_audited_under_its_actor()
    {
        var (secretariat, evaluator, secretariatId) = await factory.SecretariatAsync();
        var (colleague, _, _) = await factory.SecretariatAsync();
        var (expert, profile) = await factory.SignedInExpertAsync(ExpertData.AProfile("Rosa Mamani", "BO"));
        var anonymous = factory.CreateClient();

        var callId = await secretariat.CallAsync(publish: false);
        using (var draft = await anonymous.GetAsync($"/api/v1/expert-calls/{callId}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        }

        Assert.DoesNotContain(callId.ToString(), await anonymous.GetStringAsync("/api/v1/expert-calls", Ct));
        using (var published = await secretariat.Http.PostAsync($"/api/v1/expert-calls/{callId}/publish", null, Ct))
        {
            Assert.Equal("published", (await JsonAsync(published)).GetProperty("status").GetString());
        }

        var open = await JsonAsync(await anonymous.GetAsync("/api/v1/expert-calls", Ct));
        Assert.Contains(open.EnumerateArray(), c => c.GetProperty("id").GetGuid() == callId && c.GetProperty("sectors")[0].GetString() == "14030");

        var applicationId = await expert.ApplyAsync(callId);
        foreach (var move in new[] { "shortlist", "interview" })
        {
            using var moved = await secretariat.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/move", new { move }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        }

        using (var review = await secretariat.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/reviews", new { expertiseFit = 5, experience = 4, languages = 5, availability = 3, comment = "Sólida." }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, review.StatusCode);
        }

        using (var conflict = await colleague.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/reviews", new { conflictOfInterest = true, note = "Trabajamos juntas en 2022." }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, conflict.StatusCode);
        }

        var listed = (await JsonAsync(await secretariat.Http.GetAsync($"/api/v1/expert-calls/{callId}/applications", Ct)))[0];
        Assert.Equal("interviewed", listed.GetProperty("status").GetString());
        Assert.Equal(2, listed.GetProperty("reviews").GetInt32());
        Assert.Equal(1, listed.GetProperty("conflicts").GetInt32());
        Assert.Equal(4.25, listed.GetProperty("meanScore").GetDouble());

        var lastAudit = await LastAuditAsync();
        using (var approved = await secretariat.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/move", new { move = "approve" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, approved.StatusCode);
        }

        await using var db = factory.NewDbContext();
        Assert.NotNull(await db.ExpertProfiles.Where(p => p.Id == profile.Id).Select(p => p.InRosterSince).SingleAsync(Ct));
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Id > lastAudit).ToListAsync(Ct);
        Assert.Contains(audit, a => a.Entity == "CallApplication" && a.EntityKey.Contains(applicationId.ToString(), StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Entity == "ExpertProfile");
        Assert.All(audit, a => Assert.Equal(secretariatId, a.ActorId));
        var reviews = await db.Set<Domain.Experts.ApplicationReview>().AsNoTracking().Where(r => r.ApplicationId == applicationId).ToListAsync(Ct);
        Assert.Contains(reviews, r => r.Evaluator == evaluator && !r.ConflictOfInterest);

        var mine = await expert.Http.GetStringAsync("/api/v1/expert-calls/my-applications", Ct);
        Assert.Contains("\"status\":\"approved\"", mine);
        Assert.DoesNotContain("review", mine, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(evaluator, mine, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sólida", mine);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_said_in_the_callers_language_and_the_expert_reads_it()
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        var (expert, _) = await factory.SignedInExpertAsync();
        var applicationId = await expert.ApplyAsync(await secretariat.CallAsync());

        using var refused = await secretariat.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/move?lang=es", new { move = "reject", reason = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Este dato es obligatorio.", (await JsonAsync(refused)).GetProperty("errors").GetProperty("reason")[0].GetString());

        using var rejected = await secretariat.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/move", new { move = "reject", reason = "El perfil no cubre el trabajo en quechua." }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, rejected.StatusCode);
        var mine = (await JsonAsync(await expert.Http.GetAsync("/api/v1/expert-calls/my-applications", Ct)))[0];
        Assert.Equal("rejected", mine.GetProperty("status").GetString());
        Assert.Equal("El perfil no cubre el trabajo en quechua.", mine.GetProperty("rejectionReason").GetString());
        var (otherExpert, _) = await factory.SignedInExpertAsync(ExpertData.AProfile("Otra Experta"));
        Assert.Equal(0, (await JsonAsync(await otherExpert.Http.GetAsync("/api/v1/expert-calls/my-applications", Ct))).GetArrayLength());

        using var again = await secretariat.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/move?lang=fr", new { move = "shortlist" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Ce changement n'est pas possible à l'étape où se trouve l'appel ou la candidature.", (await JsonAsync(again)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_expert_applies_once_and_not_after_the_deadline()
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        var (expert, _) = await factory.SignedInExpertAsync();
        var callId = await secretariat.CallAsync();
        await expert.ApplyAsync(callId);

        using var twice = await expert.Http.PostAsJsonAsync($"/api/v1/expert-calls/{callId}/applications?lang=pt", new { motivation = "De novo." }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("Você já se candidatou a esta chamada.", (await JsonAsync(twice)).GetProperty("detail").GetString());

        var (late, _) = await factory.SignedInExpertAsync(ExpertData.AProfile("Tardía Pérez"));
        var expiring = await secretariat.CallAsync(call: ACall("Vence pronto"));
        await factory.ExpireAsync(expiring);
        using var afterDeadline = await late.Http.PostAsJsonAsync($"/api/v1/expert-calls/{expiring}/applications?lang=en", new { motivation = "Late, but keen." }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, afterDeadline.StatusCode);
        Assert.Equal("This call does not take applications: it is closed or its deadline has passed.", (await JsonAsync(afterDeadline)).GetProperty("detail").GetString());
        Assert.DoesNotContain(expiring.ToString(), await factory.CreateClient().GetStringAsync("/api/v1/expert-calls", Ct));
        await using var db = factory.NewDbContext();
        Assert.False(await db.CallApplications.AnyAsync(a => a.CallId == expiring, Ct));
    }

    [Fact]
    public async Task A_draft_cannot_be_applied_to_and_is_found_by_nobody_but_the_secretariat()
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        var (expert, _) = await factory.SignedInExpertAsync();
        var draft = await secretariat.CallAsync(publish: false);

        using var applied = await expert.Http.PostAsJsonAsync($"/api/v1/expert-calls/{draft}/applications", new { motivation = "Quiero." }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, applied.StatusCode);
        using var read = await expert.Http.GetAsync($"/api/v1/expert-calls/{draft}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("draft", (await JsonAsync(await secretariat.Http.GetAsync($"/api/v1/expert-calls/{draft}", Ct))).GetProperty("status").GetString());
        var drafts = await JsonAsync(await secretariat.Http.GetAsync("/api/v1/expert-calls/all?status=draft", Ct));
        Assert.Contains(drafts.EnumerateArray(), c => c.GetProperty("id").GetGuid() == draft);
        Assert.All(drafts.EnumerateArray(), c => Assert.Equal("draft", c.GetProperty("status").GetString()));
        using var badStatus = await secretariat.Http.GetAsync("/api/v1/expert-calls/all?status=open", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task A_bad_call_is_refused_field_by_field_in_the_callers_language_and_nothing_is_saved()
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        await using var db = factory.NewDbContext();
        var before = await db.ExpertCalls.CountAsync(Ct);

        using var refused = await secretariat.Http.PostAsJsonAsync("/api/v1/expert-calls?lang=fr", new { title = "", description = "", language = "de", sectors = Array.Empty<string>() }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        Assert.Equal("Cette information est obligatoire.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("Cette information est obligatoire.", errors.GetProperty("description")[0].GetString());
        Assert.True(errors.TryGetProperty("language", out _));
        Assert.True(errors.TryGetProperty("sectors", out _));

        using var unknownSector = await secretariat.Http.PostAsJsonAsync("/api/v1/expert-calls?lang=es", ACall(sector: "99999"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownSector.StatusCode);
        Assert.Equal("Uno de los códigos no figura en la lista: revíselo.", (await JsonAsync(unknownSector)).GetProperty("errors").GetProperty("sectors")[0].GetString());

        using var past = await secretariat.Http.PostAsJsonAsync("/api/v1/expert-calls", ACall(deadline: TimeProvider.System.GetUtcNow().AddDays(-2)), Ct);
        var pastId = (await JsonAsync(past)).GetProperty("id").GetGuid();
        using var publish = await secretariat.Http.PostAsync($"/api/v1/expert-calls/{pastId}/publish?lang=en", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Equal("Give a deadline that is still ahead.", (await JsonAsync(publish)).GetProperty("errors").GetProperty("deadline")[0].GetString());
        Assert.Equal(before + 1, await db.ExpertCalls.CountAsync(Ct));
    }

    [Fact]
    public async Task Scores_outside_one_to_five_and_a_second_review_by_the_same_evaluator_are_refused()
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        var (expert, _) = await factory.SignedInExpertAsync();
        var applicationId = await expert.ApplyAsync(await secretariat.CallAsync());

        using var outOfRange = await secretariat.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/reviews?lang=en", new { expertiseFit = 6, experience = 4, languages = 4, availability = 4 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal("Must be a number between 1 and 5.", (await JsonAsync(outOfRange)).GetProperty("errors").GetProperty("expertiseFit")[0].GetString());

        using var noNote = await secretariat.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/reviews?lang=en", new { conflictOfInterest = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.True((await JsonAsync(noNote)).GetProperty("errors").TryGetProperty("note", out _));

        using var first = await secretariat.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/reviews", new { expertiseFit = 3, experience = 3, languages = 3, availability = 3 }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        using var second = await secretariat.Http.PostAsJsonAsync($"/api/v1/expert-calls/applications/{applicationId}/reviews?lang=es", new { expertiseFit = 5, experience = 5, languages = 5, availability = 5 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Usted ya evaluó esta postulación.", (await JsonAsync(second)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_closed_call_leaves_the_public_list_and_can_no_longer_be_changed()
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        var callId = await secretariat.CallAsync();

        using var closed = await secretariat.Http.PostAsync($"/api/v1/expert-calls/{callId}/close", null, Ct);
        Assert.Equal("closed", (await JsonAsync(closed)).GetProperty("status").GetString());
        Assert.DoesNotContain(callId.ToString(), await factory.CreateClient().GetStringAsync("/api/v1/expert-calls", Ct));
        using var edit = await secretariat.Http.PutAsJsonAsync($"/api/v1/expert-calls/{callId}?lang=en", ACall("Otro título"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        using var unknown = await secretariat.Http.PostAsync($"/api/v1/expert-calls/{Guid.NewGuid()}/close", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<long> LastAuditAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id, Ct) ?? 0;
    }
}
