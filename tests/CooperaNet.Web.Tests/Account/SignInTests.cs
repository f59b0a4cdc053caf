using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;

namespace CooperaNet.Web.Tests.Account;

public sealed class SignInTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private readonly AccountClient browser = AccountClient.For(factory);

    [Fact]
    public async Task Signing_in_opens_the_profile_and_signing_out_ends_the_session()
    {
        await factory.CreateUserAsync("ana@apc.gov.co", Roles.FocalPoint, "CO");

        using var signIn = await browser.SignInAsync("ana@apc.gov.co");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/en/", signIn.Headers.Location?.OriginalString);
        var profile = await browser.PageAsync("/en/account/profile");
        Assert.Contains("ana@apc.gov.co", profile);
        Assert.Contains("Focal point", profile);
        Assert.Contains("Colombia (CO)", profile);

        await browser.SignOutAsync();
        using var after = await browser.GetAsync("/en/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/en/account/sign-in", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_in_the_page_language()
    {
        await factory.CreateUserAsync("bruno@abc.gov.br", Roles.Expert);

        using var response = await browser.SignInAsync("bruno@abc.gov.br", "not-the-password-at-all", lang: "es");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AccountClient.TextAsync(response);
        Assert.Contains("El correo electrónico o la contraseña no son correctos.", page);
        Assert.Contains("class=\"error-summary\" role=\"alert\"", page);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("cooperanet=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_message_as_a_wrong_password()
    {
        using var response = await browser.SignInAsync("nobody@example.org", "whatever-password-1", lang: "fr");

        var page = await AccountClient.TextAsync(response);
        Assert.Contains("L’adresse électronique ou le mot de passe est incorrect.", page);
    }

    [Fact]
    public async Task Locked_out_user_is_told_for_how_long()
    {
        await factory.CreateUserAsync("carla@amexcid.gob.mx", Roles.Partner);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await browser.SignInAsync("carla@amexcid.gob.mx", $"wrong-password-{attempt}");
            Assert.Contains("The e-mail address or the password is wrong.", await AccountClient.TextAsync(wrong));
        }

        using var fifth = await browser.SignInAsync("carla@amexcid.gob.mx", "wrong-password-5");
        Assert.Contains("This account is locked for 15 minutes", await AccountClient.TextAsync(fifth));

        using var right = await browser.SignInAsync("carla@amexcid.gob.mx", TestUsers.Password, lang: "pt");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Esta conta está bloqueada por 15 minutos", await AccountClient.TextAsync(right));
    }

    [Fact]
    public async Task Empty_form_lists_each_error_and_marks_its_field()
    {
        using var response = await browser.PostFormAsync("/en/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = "not-an-address" });

        var page = await AccountClient.TextAsync(response);
        Assert.Contains("<a href=\"#Input_Email\">Enter an e-mail address in the right format, like name@example.org.</a>", page);
        Assert.Contains("<a href=\"#Input_Password\">Enter your password.</a>", page);
        Assert.Contains("<p class=\"field-error\" id=\"Input_Password-error\">Enter your password.</p>", page);
        Assert.Matches("<input type=\"password\"[^>]*class=\"input-error\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"Input_Password-error\"", page);
    }

    [Theory]
    [InlineData("/en/work-plan", "/en/work-plan")]
    [InlineData("https://evil.example/en/", "/en/")]
    [InlineData("//evil.example/", "/en/")]
    public async Task Return_url_is_followed_only_when_it_is_on_this_site(string returnUrl, string expected)
    {
        var email = $"return-{Guid.NewGuid():N}@oas.org";
        await factory.CreateUserAsync(email, Roles.Expert);

        using var response = await browser.SignInAsync(email, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_out_needs_a_post_with_the_antiforgery_token()
    {
        await factory.CreateUserAsync("dora@mire.gob.pa", Roles.Expert);
        using var signIn = await browser.SignInAsync("dora@mire.gob.pa");

        var confirm = await browser.PageAsync("/en/account/sign-out");
        Assert.Contains("Do you want to end your session on this device?", confirm);
        using var forged = await browser.Http.PostAsync("/en/account/sign-out", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("dora@mire.gob.pa", await browser.PageAsync("/en/account/profile"));

        await browser.SignOutAsync();
    }

    [Fact]
    public async Task Sign_out_returns_to_the_home_page_in_the_same_language()
    {
        await factory.CreateUserAsync("eli@mrecic.gob.ar", Roles.Expert);
        using var signIn = await browser.SignInAsync("eli@mrecic.gob.ar", lang: "pt");

        using var response = await browser.PostFormAsync("/pt/account/sign-out", new Dictionary<string, string>());

        Assert.Equal("/pt/", response.Headers.Location?.OriginalString);
    }
}
