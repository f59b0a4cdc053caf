using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;

namespace CooperaNet.Web.Pages.Partners;

/// <summary>The contact form's fields.</summary>
public sealed class ContactForm
{
    public string? Name { get; set; }

    public string? Position { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Languages { get; set; }

    public ContactInput ToInput() => new(Name, Position, Email, Phone, Languages);
}

/// <summary>The engagement-log form's fields.</summary>
public sealed class EngagementForm
{
    public string? Kind { get; set; } = "meeting";

    public DateOnly? OccurredOn { get; set; }

    public string? Summary { get; set; }

    public Guid? EventId { get; set; }

    public Guid? InitiativeId { get; set; }

    public EngagementInput ToInput() => new(Kind, OccurredOn, Summary, EventId, InitiativeId);
}

/// <summary>The agreement form's fields.</summary>
public sealed class AgreementForm
{
    public string? Kind { get; set; } = "memorandum-of-understanding";

    public string? Status { get; set; } = "draft";

    public string? Title { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public AgreementInput ToInput() => new(Kind, Status, Title, SignedOn, StartsOn, EndsOn);

    public static AgreementForm From(PartnerAgreement item) => new()
    {
        Kind = PartnerNames.Of(item.Kind),
        Status = PartnerNames.Of(item.Status),
        Title = item.Title,
        SignedOn = item.SignedOn,
        StartsOn = item.StartsOn,
        EndsOn = item.EndsOn,
    };
}

/// <summary>A page with the agreement form: the new agreement and the agreement's own page.</summary>
public interface IAgreementFormPage
{
    AgreementForm Form { get; }
}

/// <summary>The document upload form's field.</summary>
public sealed class DocumentForm
{
    public IFormFile? File { get; set; }
}
