using CooperaNet.Application.FollowUp;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.FollowUp;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Pages.Campaigns;

/// <summary>The secretariat invites focal points by e-mail and sees which links are pending, used or expired.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class InvitationsModel(FollowUpViews views, FollowUpCommands commands, AccountEmails emails, IOptions<FollowUpOptions> options, IStringLocalizer<Program> text) : PageModel
{
    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];

    public IReadOnlyDictionary<string, string> States { get; private set; } = new Dictionary<string, string>();

    public string? Notice { get; private set; }

    public int LifetimeDays => (int)Math.Round(options.Value.InvitationLifetime.TotalDays);

    [BindProperty]
    public InvitationForm Form { get; set; } = new();

    public async Task OnGetAsync()
    {
        Notice = Notices.Take(this);
        Form.Language = UiStrings.CurrentLanguage;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await commands.InviteAsync(User, new InvitationInput(Form.Email, Form.State, Form.Language), emails.BaseUrl(Request));
        switch (result.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = "FollowUp.Invitations.Done";
                return Redirect($"/{UiStrings.CurrentLanguage}{FollowUpRoutes.Invitations}");
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        FollowUpForms.AddErrors(ModelState, nameof(Form), result.Errors ?? [], text);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Invitations = await views.InvitationsAsync();
        var names = await views.StateNamesAsync(UiStrings.CurrentLanguage);
        States = names.OrderBy(n => n.Value, StringComparer.CurrentCultureIgnoreCase).ToDictionary(n => n.Key, n => n.Value);
    }

    public sealed class InvitationForm
    {
        public string? Email { get; set; }

        public string? State { get; set; }

        public string? Language { get; set; }
    }
}
