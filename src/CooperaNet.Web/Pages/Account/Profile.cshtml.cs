using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Account;

public sealed record TwoFactorSetupInput
{
    [Required(ErrorMessage = "Account.Validation.CodeRequired")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Account.Validation.CodeFormat")]
    public string Code { get; init; } = string.Empty;
}

public sealed record ChangePasswordInput
{
    [Required(ErrorMessage = "Account.Validation.PasswordRequired")]
    public string CurrentPassword { get; init; } = string.Empty;

    [Required(ErrorMessage = "Account.Validation.NewPasswordRequired")]
    public string NewPassword { get; init; } = string.Empty;

    [Required(ErrorMessage = "Account.Validation.ConfirmPasswordRequired")]
    [Compare(nameof(NewPassword), ErrorMessage = "Account.Validation.PasswordsDiffer")]
    public string ConfirmPassword { get; init; } = string.Empty;
}

public sealed record NewTokenInput
{
    [Required(ErrorMessage = "Account.Validation.TokenNameRequired")]
    [StringLength(100, ErrorMessage = "Account.Validation.TokenNameLength")]
    public string Name { get; init; } = string.Empty;
}

/// <summary>
/// The signed-in user's own account: details, two-step verification and API tokens. Each section's
/// form binds only its own input, so an empty field of one form never blocks another.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ProfileModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    UserAdministration administration,
    CooperaNetDbContext db,
    IStringLocalizer<Program> text) : PageModel
{
    public const int RecoveryCodeCount = 10;

    private const string Issuer = "CooperaNet";

    /// <summary>The "amr" value Identity gives a sign-in with the password alone.</summary>
    private const string PasswordOnly = "pwd";

    public ApplicationUser Account { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? MemberState { get; private set; }

    public bool MustKeepTwoFactor { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The authenticator key in groups of four, for typing into an app.</summary>
    public string? SharedKey { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    /// <summary>Fresh recovery codes: shown in this response only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>A token just created: its secret is shown in this response only.</summary>
    public IssuedToken? Issued { get; private set; }

    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];

    /// <summary>A confirmation to show, as a resource key.</summary>
    public string? Notice { get; private set; }

    public TwoFactorSetupInput Setup { get; set; } = new();

    public NewTokenInput NewToken { get; set; } = new();

    public ChangePasswordInput Password { get; set; } = new();

    public int MinimumPasswordLength => users.Options.Password.RequiredLength;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Notice = Notices.Take(this);
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync([Bind(Prefix = nameof(Setup))] TwoFactorSetupInput setup)
    {
        Setup = setup;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled || !ModelState.IsValid)
        {
            return await ShowAsync(user);
        }

        var code = new string(setup.Code.Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError($"{nameof(Setup)}.{nameof(Setup.Code)}", text["Account.TwoFactor.WrongCode"]);
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await SignInAgainAsync(user, provedSecondFactor: true);
        ModelState.Clear();
        Setup = new();
        Notice = "Account.Profile.TwoFactor.Enabled";
        return await ShowAsync(user);
    }

    /// <summary>
    /// Changes the password with the current one. Identity renews the security stamp, which ends the
    /// account's other sessions at their next check; this one is signed in again and goes on.
    /// </summary>
    public async Task<IActionResult> OnPostChangePasswordAsync([Bind(Prefix = nameof(Password))] ChangePasswordInput password)
    {
        Password = password;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(user);
        }

        var result = await users.ChangePasswordAsync(user, password.CurrentPassword, password.NewPassword);
        if (!result.Succeeded)
        {
            var wrongCurrent = result.Errors.Where(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)).ToList();
            foreach (var error in wrongCurrent)
            {
                ModelState.AddModelError($"{nameof(Password)}.{nameof(Password.CurrentPassword)}", text[IdentityErrors.KeyFor(error.Code)]);
            }

            IdentityErrors.AddTo(ModelState, result.Errors.Except(wrongCurrent), text, users.Options.Password, $"{nameof(Password)}.{nameof(Password.NewPassword)}");
            Password = new();
            return await ShowAsync(user);
        }

        await SignInAgainAsync(user, provedSecondFactor: false);
        TempData[Notices.Key] = "Security.Password.Changed";
        return Redirect(Section(Routes.PasswordSection));
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await SecretariatTwoFactor.IsRequiredForAsync(users, user))
        {
            ModelState.AddModelError(string.Empty, text["Account.Profile.TwoFactor.Required"]);
            return await ShowAsync(user);
        }

        if (user.TwoFactorEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await SignInAgainAsync(user, provedSecondFactor: false);
            TempData[Notices.Key] = "Account.Profile.TwoFactor.Disabled";
        }

        return Redirect(Section(Routes.TwoFactorSection));
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            Notice = "Account.Profile.RecoveryCodes.Regenerated";
        }

        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostCreateTokenAsync([Bind(Prefix = nameof(NewToken))] NewTokenInput token)
    {
        NewToken = token;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(user);
        }

        Issued = await administration.CreateTokenAsync(user.Id, token.Name);
        // Empty the form for the next token; the posted value would otherwise be shown again.
        ModelState.Clear();
        NewToken = new();
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(Guid tokenId)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Only the owner's own tokens: another user's id is answered as if it did not exist.
        if (await administration.RevokeTokenAsync(tokenId, ownerId: user.Id) is not null)
        {
            ModelState.AddModelError(string.Empty, text["Account.Profile.Tokens.NotFound"]);
            return await ShowAsync(user);
        }

        TempData[Notices.Key] = "Account.Profile.Tokens.Revoked";
        return Redirect(Section(Routes.ApiTokensSection));
    }

    private static string Section(string anchor) => $"/{UiStrings.CurrentLanguage}{Routes.Profile}#{anchor}";

    private async Task<PageResult> ShowAsync(ApplicationUser user)
    {
        Account = user;
        Roles = [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)];
        if (user.MemberStateCode is not null)
        {
            var state = await db.MemberStates.AsNoTracking().FirstOrDefaultAsync(s => s.Code == user.MemberStateCode);
            MemberState = state is null ? user.MemberStateCode : $"{state.Name.Resolve(UiStrings.CurrentLanguage).Text} ({state.Code})";
        }

        MustKeepTwoFactor = await SecretariatTwoFactor.IsRequiredForAsync(users, user);
        if (user.TwoFactorEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        }
        else
        {
            await LoadAuthenticatorKeyAsync(user);
        }

        Tokens = await administration.ListTokensAsync(user.Id);
        return Page();
    }

    private async Task LoadAuthenticatorKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp; renew the cookie so the session survives the next stamp check.
            await SignInAgainAsync(user, provedSecondFactor: false);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        AuthenticatorUri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
    }

    /// <summary>
    /// Renews the sign-in cookie for the changed account. After a verified authenticator code the
    /// session counts as signed in with two factors, as it would after the two-factor sign-in step.
    /// </summary>
    private async Task SignInAgainAsync(ApplicationUser user, bool provedSecondFactor)
    {
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!current.Succeeded)
        {
            return;
        }

        var hadSecondFactor = current.Principal.HasClaim(Policies.MfaClaim, Policies.MfaValue);
        var method = provedSecondFactor || hadSecondFactor ? Policies.MfaValue : PasswordOnly;
        await signIn.SignInWithClaimsAsync(user, current.Properties, [new Claim(Policies.MfaClaim, method)]);
    }
}
