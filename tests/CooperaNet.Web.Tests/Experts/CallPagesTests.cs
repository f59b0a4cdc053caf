using System.Net;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Experts.CallData;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Experts;

public sealed class CallPagesTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("es", "Convocatorias de expertos", "Perú", "Español")]
    [InlineData("en", "Calls for experts", "Peru", "Spanish")]
    [InlineData("pt", "Chamadas para especialistas", "Peru", "Espanhol")]
    [InlineData("fr", "Appels à experts", "Pérou", "Espagnol")]
    public async Task The_public_list_shows_open_calls_in_the_page_language_and_never_a_draft(string lang, string heading, string peru, string spanish)
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        var open = PageMatrixWord();
        var draft = PageMatrixWord();
        await secretariat.CallAsync(call: ACall(open));
        await secretariat.CallAsync(publish: false, call: ACall(draft));

        var html = await AccountClient.For(factory).PageAsync($"/{lang}/experts/calls");

        Assert.Contains($"<h1>{heading}</h1>", html);
        Assert.Contains(open, html);
        Assert.DoesNotContain(draft, html);
        Assert.Contains("(14030)", html);
        Assert.Contains(peru, html);
        Assert.Contains(spanish, html);
    }

    [Fact]
    public async Task The_secretariat_sees_drafts_and_the_link_to_open_a_call()
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        var draft = PageMatrixWord();
        await secretariat.CallAsync(publish: false, call: ACall(draft));

        var html = await secretariat.PageAsync("/en/experts/calls");

        Assert.Contains(draft, html);
        Assert.Contains("href=\"/en/experts/calls/new\"", html);
        Assert.Contains("<h2 id=\"status-draft\">Drafts", html);
    }

    [Fact]
    public async Task An_expert_applies_on_the_page_is_told_what_is_missing_and_then_sees_they_applied()
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        var (expert, _) = await factory.SignedInExpertAsync();
        var callId = await secretariat.CallAsync();
        var page = $"/es/experts/calls/{callId}";

        using var empty = await expert.PostFormAsync($"{page}?handler=Apply", new Dictionary<string, string> { ["Motivation"] = " " }, page);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var refused = await AccountClient.TextAsync(empty);
        Assert.Contains("href=\"#Motivation\"", refused);
        Assert.Contains("id=\"Motivation-error\">Este dato es obligatorio.<", refused);

        using var sent = await expert.PostFormAsync($"{page}?handler=Apply", new Dictionary<string, string> { ["Motivation"] = "Trabajé doce años con juntas de agua." }, page);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await expert.PageAsync(page);
        Assert.Contains("Recibimos su postulación.", after);
        Assert.Contains("Estado de su postulación: Recibida.", after);
        Assert.DoesNotContain("name=\"Motivation\"", after);
        Assert.Contains("Recibida", await expert.PageAsync("/es/experts/calls"));
    }

    [Fact]
    public async Task Closing_asks_for_a_confirmation_and_a_closed_call_leaves_the_public()
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        var callId = await secretariat.CallAsync();
        var page = $"/en/experts/calls/{callId}";

        using var unconfirmed = await secretariat.PostFormAsync($"{page}?handler=Close", new Dictionary<string, string>(), page);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm that you want to close the call.", await AccountClient.TextAsync(unconfirmed));
        Assert.Equal("published", (await JsonAsync(await secretariat.Http.GetAsync($"/api/v1/expert-calls/{callId}", Ct))).GetProperty("status").GetString());

        using var confirmed = await secretariat.PostFormAsync($"{page}?handler=Close", new Dictionary<string, string> { ["confirm"] = "true" }, page);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("The call is closed.", await secretariat.PageAsync(page));
        using var anonymous = await AccountClient.For(factory).GetAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_secretariat_writes_a_call_on_the_form_with_errors_on_their_fields_then_publishes_it()
    {
        var (secretariat, _, _) = await factory.SecretariatAsync();
        var title = PageMatrixWord();
        var fields = new Dictionary<string, string>
        {
            ["Form.Title"] = title,
            ["Form.Description"] = "",
            ["Form.Language"] = "fr",
            ["Form.Sectors"] = "14030",
            ["Form.Languages"] = "fr, en",
            ["Form.Countries"] = "HT",
            ["Form.PriorityArea"] = "",
            ["Form.Deadline"] = "31/12/2099",
        };

        using var unreadable = await secretariat.PostFormAsync("/fr/experts/calls/new", fields);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("href=\"#Form_Deadline\"", await AccountClient.TextAsync(unreadable));

        fields["Form.Deadline"] = "2099-12-31";
        using var missing = await secretariat.PostFormAsync("/fr/experts/calls/new", fields);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("id=\"Form_Description-error\">Cette information est obligatoire.<", await AccountClient.TextAsync(missing));

        fields["Form.Description"] = "Appui aux services d'eau potable des communes rurales.";
        using var created = await secretariat.PostFormAsync("/fr/experts/calls/new", fields);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await AccountClient.TextAsync(created));
        var page = created.Headers.Location!.OriginalString;
        using var published = await secretariat.PostFormAsync($"{page}?handler=Publish", new Dictionary<string, string>(), page);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("L'appel est publié.", await secretariat.PageAsync(page));
        Assert.Contains(title, await AccountClient.For(factory).PageAsync("/fr/experts/calls"));
        await using var db = factory.NewDbContext();
        var stored = await db.ExpertCalls.SingleAsync(c => c.Title == title, Ct);
        Assert.Equal(["fr", "en"], stored.Languages);
        Assert.Equal(new DateTimeOffset(2099, 12, 31, 23, 59, 59, TimeSpan.Zero), stored.Deadline);
    }

    [Fact]
    public async Task A_new_call_is_filled_from_a_priority_area_and_the_area_links_to_it_for_the_secretariat_only()
    {
        await AnEntry().Demand().From("HN").InSector("14030").Titled("Agua segura para escuelas rurales").Published().SaveAsync(factory);
        await AnEntry().Demand().From("GT").InSector("14030", "11220").Titled("Saneamiento en comunidades indígenas").Published().SaveAsync(factory);
        var (secretariat, _, _) = await factory.SecretariatAsync();

        var area = await secretariat.PageAsync("/en/priorities/sector/14030");
        Assert.Contains("href=\"/en/experts/calls/new?dimension=sector&code=14030\"", area);
        Assert.DoesNotContain("/experts/calls/new", await AccountClient.For(factory).PageAsync("/en/priorities/sector/14030"));

        var form = await secretariat.PageAsync("/en/experts/calls/new?dimension=sector&code=14030");
        Assert.Contains("name=\"Form.Sectors\" value=\"14030\"", form);
        Assert.Matches("name=\"Form.Countries\" value=\"(GT, HN|HN, GT)\"", form);
        Assert.Contains("value=\"DAC sector: ", form);

        var subregion = await secretariat.PageAsync("/en/experts/calls/new?dimension=subregion&code=Central%20America");
        Assert.Contains("value=\"Subregion: Central America and Mexico\"", subregion);
        Assert.Contains("HN", subregion);
        using var unknown = await secretariat.GetAsync("/en/experts/calls/new?dimension=sector&code=00000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task On_the_vetting_page_a_rejection_needs_a_reason_and_a_review_is_signed_by_the_evaluator()
    {
        var (secretariat, evaluator, _) = await factory.SecretariatAsync();
        var (expert, profile) = await factory.SignedInExpertAsync(ExpertData.AProfile("Ana Vetada"));
        var callId = await secretariat.CallAsync();
        var applicationId = await expert.ApplyAsync(callId);
        var page = $"/en/experts/calls/{callId}/applications";

        using var noReason = await secretariat.PostFormAsync($"{page}?handler=Move", new Dictionary<string, string> { ["application"] = applicationId.ToString(), ["move"] = "reject", ["reason"] = "" }, page);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var refused = await AccountClient.TextAsync(noReason);
        Assert.Contains("href=\"#reason-0\"", refused);
        Assert.Contains("id=\"reason-0-error\">This is required.<", refused);

        using var reviewed = await secretariat.PostFormAsync($"{page}?handler=Review", new Dictionary<string, string>
        {
            ["application"] = applicationId.ToString(),
            ["expertiseFit"] = "4",
            ["experience"] = "5",
            ["languages"] = "3",
            ["availability"] = "4",
            ["comment"] = "Good fit.",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var html = await secretariat.PageAsync(page);
        Assert.Contains($"href=\"/en/experts/{profile.Id}\">Ana Vetada</a>", html);
        Assert.Contains($"<strong>{evaluator}</strong>", html);
        Assert.Contains("4.00", html);
        Assert.Contains("You have reviewed this application.", html);

        using var shortlisted = await secretariat.PostFormAsync($"{page}?handler=Move", new Dictionary<string, string> { ["application"] = applicationId.ToString(), ["move"] = "shortlist" }, page);
        Assert.Equal(HttpStatusCode.Redirect, shortlisted.StatusCode);
        Assert.Contains("Record the interview", await secretariat.PageAsync(page));
    }

    private static string PageMatrixWord() => "Convocatoria " + CatalogPages.PageMatrixHost.Word();
}
