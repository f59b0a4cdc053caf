using CooperaNet.Application.Catalog;
using CooperaNet.Domain;
using CooperaNet.Domain.Partners;

namespace CooperaNet.Application.Partners;

/// <summary>Limits of the registry's fields.</summary>
public static class PartnerLimits
{
    public const int NameMax = 200;
    public const int AcronymMax = 30;
    public const int TextMax = 4000;
    public const int ShortMax = 200;
    public const int UrlMax = 500;
}

/// <summary>An organisation as written by the secretariat; a partner user changes only the description and website.</summary>
public sealed record OrganisationInput(
    string? Name,
    string? Acronym,
    string? Scope,
    Guid? ParentId,
    string? DescriptionEs,
    string? DescriptionEn,
    string? DescriptionPt,
    string? DescriptionFr,
    string? Website,
    string? MemberStates)
{
    public List<FieldError> Validate(bool full)
    {
        var errors = new List<FieldError>();
        if (full)
        {
            Required(errors, "name", Name, PartnerLimits.NameMax);
            if (Acronym?.Trim().Length > PartnerLimits.AcronymMax)
            {
                errors.Add(new FieldError("acronym", "partner.too-long", PartnerLimits.AcronymMax));
            }

            if (PartnerNames.ScopeOf(Scope) is null)
            {
                errors.Add(new FieldError("scope", "partner.scope-unknown"));
            }

            if (Codes().Any(c => c.Length != 2 || !c.All(char.IsAsciiLetterUpper)))
            {
                errors.Add(new FieldError("memberStates", "partner.member-states"));
            }
        }

        foreach (var (field, text) in new[] { ("descriptionEs", DescriptionEs), ("descriptionEn", DescriptionEn), ("descriptionPt", DescriptionPt), ("descriptionFr", DescriptionFr) })
        {
            if (text?.Length > PartnerLimits.TextMax)
            {
                errors.Add(new FieldError(field, "partner.too-long", PartnerLimits.TextMax));
            }
        }

        if (!string.IsNullOrWhiteSpace(Website) && !PartnerNames.IsWebAddress(Website))
        {
            errors.Add(new FieldError("website", "partner.url"));
        }

        return errors;
    }

    public void ApplyTo(PartnerOrganisation item, bool full, DateTimeOffset at)
    {
        if (full)
        {
            item.Name = Name!.Trim();
            item.Acronym = Acronym?.Trim() ?? string.Empty;
            item.Scope = PartnerNames.ScopeOf(Scope)!.Value;
            item.ParentId = ParentId;
            item.MemberStates = string.Join(' ', Codes());
        }

        item.Description = LocalizedText.Of(DescriptionEs, DescriptionEn, DescriptionPt, DescriptionFr);
        item.Website = string.IsNullOrWhiteSpace(Website) ? null : Website.Trim();
        item.UpdatedAt = at;
    }

    private IEnumerable<string> Codes() =>
        (MemberStates ?? string.Empty).Split([' ', ',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).Distinct();

    internal static void Required(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "partner.required"));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "partner.too-long", max));
        }
    }
}

public sealed record ContactInput(string? Name, string? Position, string? Email, string? Phone, string? Languages)
{
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        OrganisationInput.Required(errors, "name", Name, PartnerLimits.ShortMax);
        if (!string.IsNullOrWhiteSpace(Email) && (Email.Trim().Length > PartnerLimits.ShortMax || !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _)))
        {
            errors.Add(new FieldError("email", "partner.email"));
        }

        foreach (var (field, text) in new[] { ("position", Position), ("phone", Phone), ("languages", Languages) })
        {
            if (text?.Trim().Length > PartnerLimits.ShortMax)
            {
                errors.Add(new FieldError(field, "partner.too-long", PartnerLimits.ShortMax));
            }
        }

        return errors;
    }

    public PartnerContact ToContact(Guid organisationId) => new()
    {
        Id = Guid.NewGuid(),
        OrganisationId = organisationId,
        Name = Name!.Trim(),
        Position = Position?.Trim() ?? string.Empty,
        Email = Email?.Trim() ?? string.Empty,
        Phone = Phone?.Trim() ?? string.Empty,
        Languages = Languages?.Trim() ?? string.Empty,
    };
}

public sealed record AgreementInput(string? Kind, string? Status, string? Title, DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn)
{
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        OrganisationInput.Required(errors, "title", Title, PartnerLimits.NameMax);
        if (PartnerNames.Parse<AgreementKind>(Kind) is null)
        {
            errors.Add(new FieldError("kind", "partner.kind-unknown"));
        }

        if (PartnerNames.Parse<AgreementStatus>(Status) is null)
        {
            errors.Add(new FieldError("status", "partner.status-unknown"));
        }

        if (StartsOn is { } start && EndsOn is { } end && end < start)
        {
            errors.Add(new FieldError("endsOn", "partner.ends-before-start"));
        }

        return errors;
    }

    public void ApplyTo(PartnerAgreement item, DateTimeOffset at)
    {
        item.Kind = PartnerNames.Parse<AgreementKind>(Kind)!.Value;
        item.Status = PartnerNames.Parse<AgreementStatus>(Status)!.Value;
        item.Title = Title!.Trim();
        item.SignedOn = SignedOn;
        item.StartsOn = StartsOn;
        item.EndsOn = EndsOn;
        item.UpdatedAt = at;
    }
}

public sealed record EngagementInput(string? Kind, DateOnly? OccurredOn, string? Summary, Guid? EventId, Guid? InitiativeId)
{
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (PartnerNames.Parse<EngagementKind>(Kind) is null)
        {
            errors.Add(new FieldError("kind", "partner.kind-unknown"));
        }

        if (OccurredOn is null)
        {
            errors.Add(new FieldError("occurredOn", "partner.required"));
        }

        OrganisationInput.Required(errors, "summary", Summary, PartnerLimits.TextMax);
        return errors;
    }
}

public sealed record MilestoneInput(string? Status, DateOnly? DoneOn, string? Note)
{
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (PartnerNames.Parse<MilestoneStatus>(Status) is null)
        {
            errors.Add(new FieldError("status", "partner.status-unknown"));
        }

        if (Note?.Length > PartnerLimits.TextMax)
        {
            errors.Add(new FieldError("note", "partner.too-long", PartnerLimits.TextMax));
        }

        return errors;
    }
}

/// <summary>The registry's enum values by their API names: "memorandum-of-understanding", "in-force".</summary>
public static class PartnerNames
{
    public static string Of<T>(T value)
        where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    public static T? Parse<T>(string? name)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(Of(v!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static PartnerScope? ScopeOf(string? name) => Parse<PartnerScope>(name);

    public static bool IsWebAddress(string text) =>
        text.Trim().Length <= PartnerLimits.UrlMax && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
