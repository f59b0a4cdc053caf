using CooperaNet.Domain;

namespace CooperaNet.Application.Reports;

/// <summary>A name in the four languages, kept with the figures so an issued report reads the same forever.</summary>
public sealed record Names(string Es, string En, string Pt, string Fr)
{
    /// <summary>The name in <paramref name="language"/> (Spanish for an unknown code).</summary>
    public string In(string language) => language switch
    {
        Languages.English => En,
        Languages.Portuguese => Pt,
        Languages.French => Fr,
        _ => Es,
    };

    /// <summary>From a localized text, each missing language filled by the usual fallback.</summary>
    public static Names Of(LocalizedText text) =>
        new(text.Resolve(Languages.Spanish).Text, text.Resolve(Languages.English).Text, text.Resolve(Languages.Portuguese).Text, text.Resolve(Languages.French).Text);
}

/// <summary>
/// What happened in one period (a semester), counted from the platform's records. Entries count from
/// their first publication; pairs from their proposal and from the day both sides agreed; initiatives
/// from the day they were brokered; sessions on the day they were held.
/// </summary>
/// <param name="StatesWithEntry">States with at least one published entry by the period's end (deleted entries apart).</param>
/// <param name="NewStates">States whose first entry was published in the period.</param>
/// <param name="ActiveStates">States that published or changed an entry, or answered a match, in the period.</param>
/// <param name="OffersPublished">Offers first published in the period.</param>
/// <param name="DemandsPublished">Demands first published in the period.</param>
/// <param name="OwnPublications">Of those, the ones created and sent by the state's own focal points (audit trail).</param>
/// <param name="MatchesProposed">Pairs proposed by the engine in the period.</param>
/// <param name="MatchesAgreed">Pairs both sides agreed to in the period.</param>
/// <param name="InitiativesAgreed">Initiatives brokered in the period.</param>
/// <param name="MedianDaysToAgreement">Median days from proposal to agreement of the pairs agreed in the period.</param>
/// <param name="SessionsHeld">Socialisation sessions held in the period.</param>
/// <param name="SessionAttendance">States present at them, summed over the sessions.</param>
public sealed record PeriodFigures(
    int StatesWithEntry,
    int NewStates,
    int ActiveStates,
    int OffersPublished,
    int DemandsPublished,
    int OwnPublications,
    int MatchesProposed,
    int MatchesAgreed,
    int InitiativesAgreed,
    double? MedianDaysToAgreement,
    int SessionsHeld,
    int SessionAttendance)
{
    /// <summary>Share of the period's publications that were the states' own work; null when none.</summary>
    public double? Autonomy => OffersPublished + DemandsPublished == 0 ? null : (double)OwnPublications / (OffersPublished + DemandsPublished);

    /// <summary>True when nothing happened in the period.</summary>
    public bool IsQuiet => OffersPublished + DemandsPublished + MatchesProposed + MatchesAgreed + InitiativesAgreed + SessionsHeld + ActiveStates == 0;
}

/// <summary>Offers and demands first published in the semester in one DAC sector category.</summary>
public sealed record CategoryFigure(string Category, int Offers, int Demands);

/// <summary>Demands in one sector category published at least six months before the semester's end, still open and without agreement.</summary>
public sealed record UnmetDemand(string Category, int Demands);

/// <summary>A work-plan action at the semester's end: its status by the stated rule, the progress reached and the progress the calendar expected.</summary>
public sealed record ActionFigure(int Number, string Status, double Progress, double Expected);

/// <summary>A proposal a working-group member recorded on an action during the semester, and the secretariat's decision.</summary>
public sealed record WorkingGroupProposalFigure(int Action, string Author, string Text, string Status, string? Reason);

/// <summary>
/// Everything a semester report says, in no language: the semester's figures and the previous
/// semester's, the lists the proposals rules read, and the names of the states, sector categories and
/// actions they mention (keys "state:CO", "category:140", "action:3").
/// </summary>
public sealed record SemesterFigures(
    string Semester,
    DateOnly Start,
    DateOnly End,
    DateOnly AsOf,
    int MemberStates,
    PeriodFigures Current,
    PeriodFigures Previous,
    IReadOnlyList<string> NewStateCodes,
    IReadOnlyList<string> StatesWithoutEntry,
    IReadOnlyList<string> QuietStates,
    IReadOnlyList<string> LowAutonomyStates,
    IReadOnlyList<CategoryFigure> Categories,
    IReadOnlyList<UnmetDemand> UnmetDemands,
    int UnansweredMatches,
    string? WorkPlanCode,
    IReadOnlyList<ActionFigure> Actions,
    IReadOnlyList<WorkingGroupProposalFigure> WorkingGroupProposals,
    IReadOnlyDictionary<string, Names> Names)
{
    /// <summary>The name behind <paramref name="key"/> in <paramref name="language"/>, or the key's code when unknown.</summary>
    public string NameOf(string key, string language) =>
        Names.TryGetValue(key, out var names) ? names.In(language) : key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
