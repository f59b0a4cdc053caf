using CooperaNet.Application.Partners;

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
}
