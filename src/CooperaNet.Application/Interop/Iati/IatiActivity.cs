namespace CooperaNet.Application.Interop.Iati;

/// <summary>A text in one language (es, en, pt, fr).</summary>
public sealed record IatiNarrative(string Language, string Text);

/// <summary>A participating organisation: its IATI role (1 funding, 2 accountable, 3 extending, 4 implementing), type and names.</summary>
public sealed record IatiParticipant(string Role, string Type, string? Ref, IReadOnlyList<IatiNarrative> Names);

/// <summary>An activity date: type 1 planned start, 2 actual start, 3 planned end, 4 actual end.</summary>
public sealed record IatiDate(string Type, DateOnly Date);

/// <summary>A sector in a vocabulary (1 DAC 5-digit, 7 SDG goal, 8 SDG target) with its share of the vocabulary, in percent.</summary>
public sealed record IatiSector(string Vocabulary, string Code, decimal Percentage);

/// <summary>
/// One IATI 2.03 activity as the platform publishes it: an offer, a demand or an initiative. The
/// first title is in the activity's default language; the others are translations.
/// </summary>
public sealed record IatiActivity
{
    public required string Identifier { get; init; }

    public required string DefaultLanguage { get; init; }

    public required DateTimeOffset LastUpdated { get; init; }

    public required IReadOnlyList<IatiNarrative> Titles { get; init; }

    public required IReadOnlyList<IatiNarrative> Descriptions { get; init; }

    public required IReadOnlyList<IatiParticipant> Participants { get; init; }

    /// <summary>ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled.</summary>
    public required string Status { get; init; }

    public required IReadOnlyList<IatiDate> Dates { get; init; }

    public IReadOnlyList<string> RecipientCountries { get; init; } = [];

    /// <summary>A DAC region when no country is named (498: America, regional).</summary>
    public string? RecipientRegion { get; init; }

    public IReadOnlyList<IatiSector> Sectors { get; init; } = [];

    /// <summary>CollaborationType: 1 bilateral, 8 bilateral triangular co-operation.</summary>
    public string? CollaborationType { get; init; }

    /// <summary>AidType (vocabulary 1): D01 donor country personnel, D02 other technical assistance, E01 scholarships and training.</summary>
    public string? AidType { get; init; }

    /// <summary>The activity's public page, when the server's address is known.</summary>
    public string? WebPage { get; init; }

    /// <summary>Activities this one comes from (type 3, sibling): an initiative's offer and demand.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];
}
