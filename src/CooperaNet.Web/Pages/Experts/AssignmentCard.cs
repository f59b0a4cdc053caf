using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Experts;

/// <summary>What the reader of an assignment may do with it on the page: each a form posting to that page's handler.</summary>
[Flags]
public enum AssignmentActions
{
    None = 0,

    /// <summary>Accept, or decline with a reason (the expert, while it is proposed).</summary>
    Answer = 1,

    /// <summary>Mark it completed (the secretariat, once accepted).</summary>
    Complete = 2,

    /// <summary>Score it 1 to 5 with a comment (the receiving state, once completed and not yet evaluated).</summary>
    Evaluate = 4,
}

/// <summary>An assignment in a list, with the receiving state's name, whether the expert's name links to the profile, and its forms.</summary>
public sealed record AssignmentCard(AssignmentView Assignment, string StateName, bool LinkExpert, AssignmentActions Actions)
{
    /// <summary>The cards of a list; <paramref name="actions"/> says, for each assignment, which forms the reader gets.</summary>
    public static IReadOnlyList<AssignmentCard> Of(IEnumerable<AssignmentView> assignments, CatalogLookups lookups, bool linkExpert, Func<AssignmentView, AssignmentActions> actions) =>
        [.. assignments.Select(a => new AssignmentCard(a, lookups.StateName(a.ReceivingState), linkExpert, actions(a)))];

    /// <summary>The id of a field of this assignment's forms ("reason", "score", "comment"), also the key of its errors.</summary>
    public string FieldId(string field) => $"{field}-{Assignment.Id:N}";
}

/// <summary>How the pages answer an assignment's form: the same mapping of refusals everywhere.</summary>
public static class AssignmentForms
{
    /// <summary>
    /// Redirects to <paramref name="back"/> with the done notice; answers 403 or 404; or, for refused
    /// fields and moves, records the errors (keyed by the assignment's field ids), sets 400 or 409 and
    /// returns null so the page shows itself again.
    /// </summary>
    public static IActionResult? Answer(PageModel page, AssignmentOutcome outcome, Guid assignmentId, string done, string back, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                page.TempData[Notices.Key] = "Assignments.Done." + done;
                return new RedirectResult(back);
            case EntryRefusal.NotFound:
                return new NotFoundResult();
            case EntryRefusal.Forbidden:
                return new StatusCodeResult(StatusCodes.Status403Forbidden);
            case EntryRefusal.Invalid:
                foreach (var error in outcome.Errors ?? [])
                {
                    page.ModelState.AddModelError($"{error.Field}-{assignmentId:N}", Problems.Message(text, error));
                }

                page.Response.StatusCode = StatusCodes.Status400BadRequest;
                return null;
            default:
                page.ModelState.AddModelError(string.Empty, text["Error." + outcome.Conflict]);
                page.Response.StatusCode = StatusCodes.Status409Conflict;
                return null;
        }
    }
}
