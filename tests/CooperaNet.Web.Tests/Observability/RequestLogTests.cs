using System.Net;
using CooperaNet.Application.Email;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CooperaNet.Web.Tests.Observability;

/// <summary>The request id a user can quote leads an operator to every log line of that request, and the logs hold no one's address or password.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed partial class RequestLogTests(ObservabilityFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_response_carries_its_trace_id_as_request_id()
    {
        using var client = factory.CreateClient();
        using var page = await client.GetAsync("/en/", Ct);
        using var api = await client.GetAsync("/api/v1/member-states", Ct);

        var pageId = Assert.Single(page.Headers.GetValues("X-Request-Id"));
        var apiId = Assert.Single(api.Headers.GetValues("X-Request-Id"));
        Assert.Matches(TraceId(), pageId);
        Assert.Matches(TraceId(), apiId);
        Assert.NotEqual(pageId, apiId);
    }

    [Fact]
    public async Task A_caller_sending_a_traceparent_gets_its_trace_id_back()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/");
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", Assert.Single(response.Headers.GetValues("X-Request-Id")));
    }

    [Fact]
    public async Task An_unexpected_error_shows_the_request_id_that_the_header_and_the_error_log_line_carry()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(ObservabilityFactory.FailingPath, Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.Matches(TraceId(), id);
        var html = await AccountClient.TextAsync(response);
        Assert.Contains("Une erreur s'est produite", html);
        Assert.Contains("communiquez cette référence au secrétariat", html);
        Assert.Equal(id, AccountClient.ElementText(html, "request-id"));
        Assert.DoesNotContain("A failure the observability tests provoke", html);

        var error = Assert.Single(factory.Logs.Lines, line => line.Level == LogLevel.Error && line.Message.Contains("A failure the observability tests provoke", StringComparison.Ordinal));
        Assert.Equal(id, error.Scope("TraceId"));
        Assert.Equal(ObservabilityFactory.FailingPath, error.Scope("RequestPath"));
    }

    [Fact]
    public async Task Signing_in_and_sending_an_email_leave_no_address_or_password_in_the_logs()
    {
        const string email = "rosalia.quispe@rree.gob.bo";
        const string password = "Una clave larga y secreta 2026";
        await factory.CreateUserAsync(email, Roles.FocalPoint, "BO", password);
        var browser = AccountClient.For(factory);

        using (var wrong = await browser.SignInAsync(email, "not the password at all"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using (var right = await browser.SignInAsync(email, password))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        }

        await browser.SignOutAsync();
        using (var reset = await browser.PostFormAsync("/es/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email }))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        Assert.True(await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct) >= 1);

        var lines = factory.Logs.Lines;
        Assert.Contains(lines, line => line.Message.StartsWith("Sent outbox message", StringComparison.Ordinal));
        Assert.All(lines, line =>
        {
            var text = line.Everything();
            Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("rosalia", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(password, text);
            Assert.DoesNotContain("not the password at all", text);
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial System.Text.RegularExpressions.Regex TraceId();
}
