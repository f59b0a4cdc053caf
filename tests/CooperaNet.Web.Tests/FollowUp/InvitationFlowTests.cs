using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.FollowUp;

/// <summary>From the secretariat's invitation to a signed-in focal point, and the links that must not work.</summary>
public sealed partial class InvitationFlowTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invited_person_creates_a_focal_point_account_for_the_state_and_is_signed_in()
    {
        var link = await InviteAsync("marie.joseph@mae.gouv.ht", "HT", "fr");
        var invitee = AccountClient.For(factory);

        var page = await invitee.PageAsync(link);
        Assert.Contains("Créez votre compte de point focal", page);
        Assert.Contains("Haïti", page);
        using var accepted = await invitee.PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Token"] = Token(link),
            ["Input.Name"] = "Marie Joseph",
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/fr/catalog/new", accepted.Headers.Location?.OriginalString);
        await invitee.PageAsync("/fr/catalog/new");
        await using var db = factory.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "marie.joseph@mae.gouv.ht", Ct);
        Assert.Equal(("HT", "fr", "Marie Joseph"), (user.MemberStateCode, user.PreferredLanguage, user.DisplayName));
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.FocalPoint, Ct);
        Assert.True(await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == role.Id, Ct));
    }

    [Fact]
    public async Task The_invitation_email_is_in_the_invitees_language_and_carries_a_single_use_link()
    {
        await InviteAsync("joao.silva@itamaraty.gov.br", "BR", "pt");

        await using var db = factory.NewDbContext();
        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.To == "joao.silva@itamaraty.gov.br", Ct);
        Assert.Equal("Convite para ser ponto focal de Brasil na CooperaNet", message.Subject);
        Assert.Contains("O link só funciona uma vez", message.TextBody);
        Assert.Matches(LinkPattern(), message.TextBody);
        var stored = await db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "joao.silva@itamaraty.gov.br", Ct);
        Assert.DoesNotContain(stored.Hash, message.TextBody);
    }

    [Fact]
    public async Task A_used_link_says_so_and_creates_nothing_more()
    {
        var link = await InviteAsync("ana.perez@cancilleria.gov.co", "CO", "es");
        var first = AccountClient.For(factory);
        using (var accepted = await AcceptAsync(first, link, "Ana Pérez"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var second = AccountClient.For(factory);
        using var again = await second.GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        var page = await AccountClient.TextAsync(again);
        Assert.Contains("Este enlace ya se utilizó para crear una cuenta", page);
        Assert.DoesNotContain("ana.perez@cancilleria.gov.co", page);
    }

    [Theory]
    [InlineData("en", "This invitation link is not valid.")]
    [InlineData("pt", "Este link de convite não é válido.")]
    public async Task A_changed_link_is_refused_in_the_language_of_the_page(string lang, string message)
    {
        var link = await InviteAsync($"{Guid.NewGuid():N}@example.org", "PE", "es");
        var changed = link.Replace("/es/", $"/{lang}/", StringComparison.Ordinal)[..^1] + (link[^1] == 'a' ? 'b' : 'a');

        using var response = await AccountClient.For(factory).GetAsync(changed);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, await AccountClient.TextAsync(response));
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_creates_nothing()
    {
        var (invitation, token) = Invitation.Issue("late@example.org", "CL", "es", null, TimeProvider.System.GetUtcNow().AddDays(-20), TimeSpan.FromDays(14));
        await factory.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<CooperaNetDbContext>();
            db.Invitations.Add(invitation);
            return db.SaveChangesAsync(Ct);
        });
        var browser = AccountClient.For(factory);
        var link = $"/es/account/accept-invitation?token={Uri.EscapeDataString(token)}";

        using var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("Este enlace de invitación ha caducado.", await AccountClient.TextAsync(page));

        // A form posted anyway (kept open in a tab) creates nothing either.
        using var posted = await browser.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Token"] = token,
            ["Input.Name"] = "Tarde",
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
            ["__RequestVerificationToken"] = AccountClient.FormToken(await browser.PageAsync("/es/account/sign-in")),
        }), Ct);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "late@example.org", Ct));
    }

    [Fact]
    public async Task A_short_password_is_shown_on_its_field_and_the_link_still_works()
    {
        var link = await InviteAsync($"{Guid.NewGuid():N}@example.org", "UY", "en");
        var browser = AccountClient.For(factory);

        using var weak = await browser.PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Token"] = Token(link),
            ["Input.Name"] = "Lucía",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var page = await AccountClient.TextAsync(weak);
        Assert.Contains("<a href=\"#Input_Password\">", page);
        Assert.Contains("aria-invalid=\"true\"", page);
        using var accepted = await AcceptAsync(browser, link, "Lucía");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task The_secretariat_sees_each_invitation_as_pending_or_used()
    {
        await InviteAsync("pending@example.org", "JM", "en");
        await InviteAsync("used@example.org", "JM", "en");
        var usedLink = await LinkForAsync("used@example.org");
        using (var accepted = await AcceptAsync(AccountClient.For(factory), usedLink, "Used"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var page = await secretariat.PageAsync("/en/campaigns/invitations");

        Assert.Matches(@"pending@example\.org</th>(.|\n)*?<td>Pending</td>", page);
        Assert.Matches(@"used@example\.org</th>(.|\n)*?<td>Used</td>", page);
    }

    [Fact]
    public async Task Inviting_through_the_api_refuses_a_bad_address_field_by_field_in_the_callers_language()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        using var response = await secretariat.Http.PostAsJsonAsync("/api/v1/campaigns/invitations?lang=fr", new { email = "pas-une-adresse", state = "ZZ", language = "de" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        Assert.Contains("adresse", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("ZZ", errors.GetProperty("state")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("language", out _));
    }

    /// <summary>The secretariat invites through the page; returns the link of the e-mail, as a path.</summary>
    private async Task<string> InviteAsync(string email, string state, string language)
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        using var sent = await secretariat.PostFormAsync("/en/campaigns/invitations", new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.State"] = state,
            ["Form.Language"] = language,
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return await LinkForAsync(email);
    }

    private async Task<string> LinkForAsync(string email)
    {
        await using var db = factory.NewDbContext();
        var message = await db.Outbox.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.CreatedAt).LastAsync(Ct);
        return new Uri(LinkPattern().Match(message.TextBody).Value).PathAndQuery;
    }

    private static Task<HttpResponseMessage> AcceptAsync(AccountClient browser, string link, string name) =>
        browser.PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Token"] = Token(link),
            ["Input.Name"] = name,
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        });

    private static string Token(string link) => Uri.UnescapeDataString(link.Split("token=")[1]);

    [GeneratedRegex(@"http://localhost/[a-z]{2}/account/accept-invitation\?token=inv_[0-9a-f]{32}\.[0-9a-f]{64}")]
    private static partial Regex LinkPattern();
}
