using System.Net;
using System.Text.RegularExpressions;
using CooperaNet.Application.Email;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CooperaNet.Web.Tests.Account;

public sealed partial class PasswordResetTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private const string NewPassword = "a brand new passphrase 2026";

    private readonly AccountClient browser = AccountClient.For(factory);

    [Fact]
    public async Task Forgot_password_queues_an_email_that_the_dispatcher_writes_to_the_pickup_folder()
    {
        await factory.CreateUserAsync("fabiola@cancilleria.gob.gt", Roles.FocalPoint, "GT");

        using var response = await RequestResetAsync("fabiola@cancilleria.gob.gt", "en");

        Assert.Equal("/en/account/forgot-password?sent=true", response.Headers.Location?.OriginalString);
        await using (var db = factory.NewDbContext())
        {
            Assert.Equal(1, await db.Outbox.CountAsync(m => m.To == "fabiola@cancilleria.gob.gt", TestContext.Current.CancellationToken));
        }

        var message = await DispatchAndReadAsync("fabiola@cancilleria.gob.gt");
        Assert.Equal("no-reply@cooperanet.example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal("fabiola@cancilleria.gob.gt", message.To.Mailboxes.Single().Address);
        Assert.Matches(ResetLink(), message.TextBody);
        Assert.Contains("href=\"http://localhost/", message.HtmlBody);
    }

    [Fact]
    public async Task Reset_email_is_written_in_the_users_language_not_the_pages()
    {
        await factory.CreateUserAsync("gaston@mae.gouv.ht", Roles.Expert);
        await SetPreferredLanguageAsync("gaston@mae.gouv.ht", "fr");

        using var response = await RequestResetAsync("gaston@mae.gouv.ht", "es");

        var message = await DispatchAndReadAsync("gaston@mae.gouv.ht");
        Assert.Equal("Réinitialiser votre mot de passe CooperaNet", message.Subject);
        Assert.StartsWith("/fr/account/reset-password?email=", LinkIn(message).PathAndQuery);
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_confirmation_and_no_email()
    {
        using var response = await RequestResetAsync("nobody-here@example.org", "pt");

        Assert.Equal("/pt/account/forgot-password?sent=true", response.Headers.Location?.OriginalString);
        var page = await browser.PageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Se houver uma conta com esse endereço", page);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Outbox.AnyAsync(m => m.To == "nobody-here@example.org", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reset_link_from_the_email_sets_a_new_password()
    {
        await factory.CreateUserAsync("hugo@apci.gob.pe", Roles.FocalPoint, "PE");
        using var request = await RequestResetAsync("hugo@apci.gob.pe", "en");
        var link = LinkIn(await DispatchAndReadAsync("hugo@apci.gob.pe"));

        var form = await browser.PageAsync(link.PathAndQuery);
        Assert.Contains("value=\"hugo@apci.gob.pe\"", form);
        var code = Regex.Match(form, "name=\"Input.Code\" value=\"([^\"]+)\"").Groups[1].Value;
        using var reset = await browser.PostFormAsync(link.AbsolutePath, new Dictionary<string, string>
        {
            ["Input.Email"] = "hugo@apci.gob.pe",
            ["Input.Code"] = code,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }, formPage: link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/es/account/sign-in", reset.Headers.Location?.OriginalString);
        Assert.Contains("Su contraseña fue cambiada.", await browser.PageAsync("/es/account/sign-in"));
        using var oldPassword = await browser.SignInAsync("hugo@apci.gob.pe", TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newPassword = await browser.SignInAsync("hugo@apci.gob.pe", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);

        using var reused = await PostResetAsync("hugo@apci.gob.pe", code, "yet another passphrase 77", "en");
        Assert.Contains("The reset link is not valid or has expired.", await AccountClient.TextAsync(reused));
    }

    [Fact]
    public async Task Too_short_password_is_refused_in_the_page_language()
    {
        await factory.CreateUserAsync("ines@auci.gub.uy", Roles.Expert);
        var code = await ResetCodeAsync("ines@auci.gub.uy");

        using var response = await PostResetAsync("ines@auci.gub.uy", code, "short-2026", "pt");

        var page = await AccountClient.TextAsync(response);
        Assert.Contains("<p class=\"field-error\" id=\"Input_Password-error\">A senha deve ter pelo menos 12 caracteres.</p>", page);
        using var stillOld = await browser.SignInAsync("ines@auci.gub.uy", TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, stillOld.StatusCode);
    }

    [Fact]
    public async Task Tampered_link_is_refused_with_a_way_to_ask_again()
    {
        await factory.CreateUserAsync("jorge@sec.gob.sv", Roles.Expert);
        var code = await ResetCodeAsync("jorge@sec.gob.sv");

        using var response = await PostResetAsync("jorge@sec.gob.sv", "x" + code[1..], NewPassword, "fr");

        var page = await AccountClient.TextAsync(response);
        Assert.Contains("Le lien de réinitialisation n’est pas valide ou a expiré.", page);
        Assert.Contains("href=\"/fr/account/forgot-password\"", page);
    }

    [Fact]
    public async Task Confirmation_must_match_the_new_password()
    {
        using var response = await PostResetAsync("anyone@example.org", "code", NewPassword, "es", confirmation: NewPassword + "!");

        var page = await AccountClient.TextAsync(response);
        Assert.Contains("<a href=\"#Input_ConfirmPassword\">Las dos contraseñas no coinciden.</a>", page);
    }

    private Task<HttpResponseMessage> RequestResetAsync(string email, string lang) =>
        browser.PostFormAsync($"/{lang}/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    private Task<HttpResponseMessage> PostResetAsync(string email, string code, string password, string lang, string? confirmation = null) =>
        browser.PostFormAsync($"/{lang}/account/reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Code"] = code,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmation ?? password,
        });

    private async Task<string> ResetCodeAsync(string email)
    {
        using var request = await RequestResetAsync(email, "en");
        var link = LinkIn(await DispatchAndReadAsync(email));
        return Uri.UnescapeDataString(Regex.Match(link.Query, "code=([^&]+)").Groups[1].Value);
    }

    /// <summary>Runs the dispatcher once and reads the .eml it wrote for <paramref name="to"/>.</summary>
    private async Task<MimeMessage> DispatchAndReadAsync(string to)
    {
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(TestContext.Current.CancellationToken);
        await using var db = factory.NewDbContext();
        var sent = await db.Outbox.AsNoTracking().Where(m => m.To == to).OrderByDescending(m => m.CreatedAt).FirstAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(sent.SentAt);
        var file = Path.Combine(factory.Database.Folder, "mail", $"{sent.Id}.eml");
        Assert.True(File.Exists(file), $"No {file}");
        return await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
    }

    private async Task SetPreferredLanguageAsync(string email, string language)
    {
        await using var db = factory.NewDbContext();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language), TestContext.Current.CancellationToken);
    }

    private static Uri LinkIn(MimeMessage message)
    {
        var match = ResetLink().Match(message.TextBody ?? string.Empty);
        Assert.True(match.Success, "No reset link in the e-mail");
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"http://localhost/[a-z]{2}/account/reset-password\?email=[^&\s]+&code=[A-Za-z0-9_-]+")]
    private static partial Regex ResetLink();
}
