using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CooperaNet.Application.Email;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Newsletter;
using CooperaNet.Domain.Events;
using CooperaNet.Domain.Newsletter;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Events;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CooperaNet.Web.Tests.Newsletter;

public sealed partial class NewsletterApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribing_answers_the_same_whether_the_address_is_new_pending_or_confirmed()
    {
        var anonymous = factory.CreateClient();
        var confirmed = await NewsletterData.SubscriberAsync(factory, "known@example.org");

        var answers = new List<string>();
        foreach (var email in new[] { "new@example.org", "new@example.org", confirmed.Email })
        {
            using var response = await anonymous.PostAsJsonAsync("/api/v1/newsletter/subscriptions", new { email, audience = "experts", language = "en" }, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync(Ct));
        }

        Assert.Single(answers.Distinct());
        await using var db = factory.NewDbContext();
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.To == "new@example.org", Ct));
        Assert.Equal(0, await db.Outbox.CountAsync(m => m.To == confirmed.Email, Ct));

        using var bad = await anonymous.PostAsJsonAsync("/api/v1/newsletter/subscriptions?lang=es", new { email = "nadie", audience = "martians", language = "de" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await CatalogApiClient.JsonAsync(bad)).GetProperty("errors");
        Assert.Equal(["email", "audience", "language"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Elija uno de los públicos.", errors.GetProperty("audience")[0].GetString());
    }

    [Fact]
    public async Task The_confirmation_link_confirms_once_through_its_page()
    {
        var browser = AccountClient.For(factory);
        using var subscribe = await browser.PostFormAsync("/fr/newsletter?handler=Subscribe", new Dictionary<string, string>
        {
            ["Form.Email"] = "Claire@Example.org",
            ["Form.Audience"] = "media",
            ["Form.Language"] = "fr",
        }, "/fr/newsletter");
        Assert.Equal(HttpStatusCode.Redirect, subscribe.StatusCode);
        await using var db = factory.NewDbContext();
        var letter = await db.Outbox.AsNoTracking().SingleAsync(m => m.To == "claire@example.org", Ct);
        Assert.Equal("Confirmez votre abonnement à la lettre de CooperaNet", letter.Subject);
        var link = ConfirmLink().Match(letter.TextBody).Value;
        var path = new Uri(link).AbsolutePath;

        Assert.Contains("Confirmer mon abonnement", await browser.PageAsync(path), StringComparison.Ordinal);
        Assert.Equal(SubscriptionStatus.Pending, (await db.NewsletterSubscriptions.AsNoTracking().SingleAsync(s => s.Email == "claire@example.org", Ct)).Status);
        using var confirm = await browser.PostFormAsync(path, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(SubscriptionStatus.Confirmed, (await db.NewsletterSubscriptions.AsNoTracking().SingleAsync(s => s.Email == "claire@example.org", Ct)).Status);
        using var again = await browser.PostFormAsync(path, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var api = factory.CreateClient();
        var token = path[(path.LastIndexOf('/') + 1)..];
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/newsletter/subscriptions/confirmation", new { token }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Each_issue_email_carries_one_click_unsubscribe_headers_and_the_one_click_post_unsubscribes_without_a_session()
    {
        var reader = await NewsletterData.SubscriberAsync(factory, "reader@example.org");
        var seminar = await EventData.SaveAsync(factory, EventStatus.Published, "Rural water seminar");
        var secretariat = (await Sessions.SignedInAsync(factory, Roles.Secretariat)).Http;

        using var composed = await secretariat.PostAsJsonAsync("/api/v1/newsletter/issues", new { language = "en" }, Ct);
        Assert.Equal(HttpStatusCode.Created, composed.StatusCode);
        var issue = await CatalogApiClient.JsonAsync(composed);
        var id = issue.GetProperty("id").GetGuid();
        Assert.Contains(issue.GetProperty("items").EnumerateArray(), i => i.GetProperty("key").GetString() == $"event:{seminar.Id}");
        using var preview = await secretariat.GetAsync($"/api/v1/newsletter/issues/{id}/preview", Ct);
        var html = (await CatalogApiClient.JsonAsync(preview)).GetProperty("html").GetString()!;
        Assert.Contains("Rural water seminar", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/newsletter/issues/{id}/send", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsync($"/api/v1/newsletter/issues/{id}/send", null, Ct)).StatusCode);

        await factory.Services.GetRequiredService<NewsletterSender>().RunOnceAsync(Ct);
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);
        await using var db = factory.NewDbContext();
        var sent = await db.Outbox.AsNoTracking().SingleAsync(m => m.To == reader.Email, Ct);
        using var mime = await MimeMessage.LoadAsync(Path.Combine(factory.Database.Folder, "mail", $"{sent.Id}.eml"), Ct);

        var header = mime.Headers["List-Unsubscribe"] ?? string.Empty;
        var match = Regex.Match(header, "^<(http://localhost/en/newsletter/unsubscribe/(nlu_[0-9a-f]{32}\\.[0-9a-f]{64}))>$");
        Assert.True(match.Success, header);
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Rural water seminar", mime.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", mime.HtmlBody, StringComparison.OrdinalIgnoreCase);
        var token = match.Groups[2].Value;
        Assert.DoesNotContain(await db.NewsletterDeliveries.AsNoTracking().Select(d => d.UnsubscribeHash).ToListAsync(Ct), h => h == token);

        // The mail client's request: a bare POST, no cookie, no antiforgery token, no redirect to follow.
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(match.Groups[1].Value).AbsolutePath, Ct)).StatusCode);
        Assert.Equal(SubscriptionStatus.Confirmed, (await db.NewsletterSubscriptions.AsNoTracking().SingleAsync(s => s.Id == reader.Id, Ct)).Status);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        using var oneClick = await client.PostAsync(new Uri(match.Groups[1].Value).AbsolutePath, body, Ct);

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await db.NewsletterSubscriptions.AsNoTracking().SingleAsync(s => s.Id == reader.Id, Ct)).Status);
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/en/newsletter/unsubscribe/{token[..^1]}0", forged, Ct)).StatusCode);

        var archive = await factory.CreateClient().GetStringAsync("/en/newsletter", Ct);
        Assert.Contains($"/en/newsletter/{id}", archive, StringComparison.Ordinal);
    }

    [GeneratedRegex("http://localhost/fr/newsletter/confirm/nlc_[0-9a-f]{32}\\.[0-9a-f]{64}")]
    private static partial Regex ConfirmLink();
}

/// <summary>The subscribe form and API share a small budget per client address.</summary>
public sealed class NewsletterThrottleTests(NewsletterThrottleTests.Host factory) : IClassFixture<NewsletterThrottleTests.Host>
{
    public sealed class Host : CooperaNetFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("CooperaNet:Newsletter:SubscribeRequestsPerHour", "2");
        }
    }

    [Fact]
    public async Task Subscribing_too_often_from_one_address_is_refused_with_429()
    {
        var client = factory.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/newsletter/subscriptions", new { email = $"flood{i}@example.org", audience = "public", language = "es" }, TestContext.Current.CancellationToken);
            codes.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], codes);
        await using var db = factory.NewDbContext();
        Assert.Equal(0, await db.NewsletterSubscriptions.CountAsync(s => s.Email == "flood2@example.org", TestContext.Current.CancellationToken));
    }
}
