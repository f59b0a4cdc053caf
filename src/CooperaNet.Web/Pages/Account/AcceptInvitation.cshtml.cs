using System.ComponentModel.DataAnnotations;
using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Pages.Account;

public sealed record AcceptInvitationInput
{
    /// <summary>The token from the e-mail's link, carried by the form (checked by the invitation, not here).</summary>
    public string? Token { get; init; }

    [Required(ErrorMessage = "FollowUp.Accept.NameRequired")]
    [StringLength(200, ErrorMessage = "FollowUp.Accept.NameTooLong")]
    public string Name { get; init; } = string.Empty;

    [Required(ErrorMessage = "Account.Validation.NewPasswordRequired")]
    public string Password { get; init; } = string.Empty;

    [Required(ErrorMessage = "Account.Validation.ConfirmPasswordRequired")]
    [Compare(nameof(Password), ErrorMessage = "Account.Validation.PasswordsDiffer")]
    public string ConfirmPassword { get; init; } = string.Empty;
}

/// <summary>
/// Where an invitation's link leads: the invitee sets a name and a password and becomes a focal point
/// of the state, signed in. A used, expired or altered link says so and creates nothing.
/// </summary>
public sealed class AcceptInvitationModel(Invitations invitations, CooperaNetDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<Program> text, IOptions<IdentityOptions> identity) : PageModel
{
    [BindProperty]
    public AcceptInvitationInput Input { get; set; } = new();

    /// <summary>"used", "expired" or "invalid" when the link cannot create an account.</summary>
    public string? Refusal { get; private set; }

    public string StateName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public int MinimumLength => identity.Value.Password.RequiredLength;

    public async Task<IActionResult> OnGetAsync(string? token)
    {
        Input = new AcceptInvitationInput { Token = token };
        return await ShowAsync(await invitations.CheckAsync(token));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var check = await invitations.CheckAsync(Input.Token);
        if (!ModelState.IsValid || check.Status != InvitationStatus.Valid)
        {
            return await ShowAsync(check);
        }

        var outcome = await invitations.AcceptAsync(Input.Token, Input.Name, Input.Password);
        if (outcome.Errors.Count > 0)
        {
            IdentityErrors.AddTo(ModelState, outcome.Errors, text, identity.Value.Password, $"{nameof(Input)}.{nameof(Input.Password)}");
            return await ShowAsync(outcome);
        }

        if (!outcome.Succeeded)
        {
            return await ShowAsync(outcome);
        }

        var user = await users.FindByIdAsync(outcome.Invitation!.UserId!.Value.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
        TempData[Notices.Key] = "FollowUp.Accept.Done";
        return Redirect($"/{outcome.Invitation.Language}{Routes.NewEntry}");
    }

    private async Task<IActionResult> ShowAsync(InvitationOutcome outcome)
    {
        // Nobody learns more from a bad link than that it is bad: no address, no state.
        if (outcome.Status != InvitationStatus.Valid)
        {
            Refusal = outcome.Status.ToString().ToLowerInvariant();
            ModelState.Clear();
            Response.StatusCode = outcome.Status == InvitationStatus.Invalid ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            return Page();
        }

        var invitation = outcome.Invitation!;
        Email = invitation.Email;
        var name = await db.MemberStates.AsNoTracking().Where(s => s.Code == invitation.StateCode).Select(s => s.Name).SingleAsync();
        StateName = name.Resolve(UiStrings.CurrentLanguage).Text;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
