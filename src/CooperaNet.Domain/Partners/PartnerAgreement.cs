namespace CooperaNet.Domain.Partners;

public enum AgreementKind
{
    MemorandumOfUnderstanding,
    FrameworkAgreement,
    LetterOfIntent,
    SpecificAgreement,
    Other,
}

public enum AgreementStatus
{
    Draft,
    UnderNegotiation,
#pragma warning disable CA1720 // "signed" is the agreement's status, not an integer type.
    Signed,
#pragma warning restore CA1720
    InForce,
    Expired,
    Terminated,
}

/// <summary>An agreement with a partner organisation; its kind, status and dates are public. Deleted ones may be restored.</summary>
public sealed class PartnerAgreement
{
    public Guid Id { get; init; }

    public Guid OrganisationId { get; init; }

    public AgreementKind Kind { get; set; }

    public AgreementStatus Status { get; set; }

    public required string Title { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; private set; }

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
