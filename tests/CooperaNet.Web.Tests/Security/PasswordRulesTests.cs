using System.Net;
using System.Text;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Security;

/// <summary>Passwords: at least 12 characters and not one of the 10,000 most common, in the page's language.</summary>
public sealed class PasswordRulesTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    [Theory]
    [InlineData("baseballbaseball")]
    [InlineData("qwertyuiop123")]
    [InlineData("iloveyou2026!!")]
    [InlineData("  Password1234  ")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("monkeymonkeymonkey")]
    public void Common_passwords_and_their_decorated_forms_are_recognised(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password), password);

    [Theory]
    [InlineData(TestUsers.Password)]
    [InlineData("Correct-horse-battery-42")]
    [InlineData("a brand new passphrase 2026")]
    [InlineData("Agua-potable-2026")]
    public void Own_phrases_are_not_common(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password), password);

    [Theory]
    [InlineData("es", "Esta contraseña figura en una lista de contraseñas comunes.")]
    [InlineData("en", "This password is on a list of common passwords.")]
    [InlineData("pt", "Esta senha está em uma lista de senhas comuns.")]
    [InlineData("fr", "Ce mot de passe figure sur une liste de mots de passe courants.")]
    public async Task Reset_page_refuses_a_common_password_in_its_language(string lang, string message)
    {
        var email = $"reset-{lang}@apc.gov.co";
        await factory.CreateUserAsync(email, Roles.Expert);
        var code = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
            return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        });
        var browser = AccountClient.For(factory);

        using var response = await browser.PostFormAsync($"/{lang}/account/reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Code"] = code,
            ["Input.Password"] = "qwertyuiop123",
            ["Input.ConfirmPassword"] = "qwertyuiop123",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<p class=\"field-error\" id=\"Input_Password-error\">{message}", await AccountClient.TextAsync(response));
        using var stillOld = await browser.SignInAsync(email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, stillOld.StatusCode);
    }

    [Fact]
    public async Task Creating_an_account_with_a_common_password_fails_with_the_reason_in_English()
    {
        var error = await factory.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UserAdministration>().CreateUserAsync("common@apc.gov.co", Roles.Expert, null, "password12345")).Error);

        Assert.NotNull(error);
        Assert.Contains(CommonPasswordValidator.Description, error.Detail);
    }
}
