namespace CooperaNet.Domain.Partners;

/// <summary>How wide an organisation's membership is.</summary>
public enum PartnerScope
{
    Universal,
    Regional,
    Subregional,
}

/// <summary>A refused change, by code (localized as "Error." + code).</summary>
public sealed record PartnerError(string Code)
{
    public static readonly PartnerError NotDeleted = new("partner.not-deleted");

    public static readonly PartnerError Deleted = new("partner.deleted");

    /// <summary>The document is already off the agreement.</summary>
    public static readonly PartnerError DocumentRemoved = new("partner.document-removed");

    /// <summary>The document is already the agreement's current one.</summary>
    public static readonly PartnerError DocumentCurrent = new("partner.document-current");
}

/// <summary>
/// A universal, regional or subregional organisation the member states cooperate with (SEGIB, its PIPA
/// programmes, MERCOSUR…). A programme names its parent organisation. Deleted ones are kept and may be restored.
/// </summary>
public sealed class PartnerOrganisation
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public string Acronym { get; set; } = string.Empty;

    public PartnerScope Scope { get; set; }

    /// <summary>The organisation this one belongs to (a PIPA programme belongs to SEGIB); null for none.</summary>
    public Guid? ParentId { get; set; }

    public LocalizedText Description { get; set; } = new();

    public string? Website { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes of the OAS member states taking part, space separated.</summary>
    public string MemberStates { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public IReadOnlyList<string> MemberStateCodes => MemberStates.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public PartnerError? Delete(DateTimeOffset at)
    {
        if (DeletedAt is not null)
        {
            return PartnerError.Deleted;
        }

        DeletedAt = at;
        UpdatedAt = at;
        return null;
    }

    public PartnerError? Restore(DateTimeOffset at)
    {
        if (DeletedAt is null)
        {
            return PartnerError.NotDeleted;
        }

        DeletedAt = null;
        UpdatedAt = at;
        return null;
    }
}

/// <summary>Someone to talk to at a partner organisation; personal data, never shown to the public.</summary>
public sealed class PartnerContact
{
    public Guid Id { get; init; }

    public Guid OrganisationId { get; init; }

    public required string Name { get; set; }

    public string Position { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    /// <summary>Languages the contact works in (es, en, pt, fr), space separated.</summary>
    public string Languages { get; set; } = string.Empty;
}
