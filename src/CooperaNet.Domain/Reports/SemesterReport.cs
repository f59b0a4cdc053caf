namespace CooperaNet.Domain.Reports;

/// <summary>A refusal of a change to a semester report; the code names the message.</summary>
public sealed record ReportError(string Code)
{
    /// <summary>The report was issued: it no longer changes.</summary>
    public static readonly ReportError AlreadyIssued = new("report.already-issued");

    /// <summary>The semester has not begun: there is nothing to report.</summary>
    public static readonly ReportError NotStarted = new("report.not-started");

    /// <summary>Only a semester that is over can be issued.</summary>
    public static readonly ReportError SemesterNotOver = new("report.semester-not-over");

    /// <summary>An own proposal needs a text.</summary>
    public static readonly ReportError TextRequired = new("report.text-required");

    /// <summary>A proposal's text is too long.</summary>
    public static readonly ReportError TextTooLong = new("report.text-too-long");

    /// <summary>The text's language is not one of es, en, pt, fr.</summary>
    public static readonly ReportError Language = new("report.language");

    /// <summary>Someone else changed the report at the same moment; read it again.</summary>
    public static readonly ReportError Changed = new("report.changed");

    /// <summary>No such proposal in this report.</summary>
    public static readonly ReportError UnknownProposal = new("report.unknown-proposal");
}

/// <summary>What the secretariat decided about a proposal.</summary>
public enum ProposalDecision
{
    /// <summary>Suggested, not decided yet: shown in the draft, left out of the issued report.</summary>
    Pending = 0,

    /// <summary>Kept: in the issued report.</summary>
    Accepted = 1,

    /// <summary>Dropped: not in the report.</summary>
    Dropped = 2,
}

/// <summary>
/// The secretariat's decision on one proposal of a semester report: a proposal suggested by a rule
/// (its key names the rule and what it read, e.g. "unmet-demand:140") or one the secretariat wrote
/// itself ("own:1"). A text replaces the rule's wording, in the language it was written in.
/// </summary>
public sealed class ReportProposal
{
    /// <summary>Longest text.</summary>
    public const int TextMax = 1000;

    /// <summary>Longest key.</summary>
    public const int KeyMax = 80;

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>The report.</summary>
    public Guid ReportId { get; init; }

    /// <summary>Which proposal: a rule's key, or "own:N".</summary>
    public required string Key { get; init; }

    /// <summary>The edited wording, or null to keep the rule's.</summary>
    public string? Text { get; private set; }

    /// <summary>The language <see cref="Text"/> is written in.</summary>
    public string? TextLanguage { get; private set; }

    /// <summary>Kept, dropped or still pending.</summary>
    public ProposalDecision Decision { get; private set; }

    /// <summary>Who decided last.</summary>
    public required string DecidedByName { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>True for a proposal the secretariat wrote.</summary>
    public bool IsOwn => Key.StartsWith(SemesterReport.OwnPrefix, StringComparison.Ordinal);

    internal void Set(ProposalDecision decision, string? text, string? language)
    {
        Decision = decision;
        Text = text;
        TextLanguage = text is null ? null : language;
    }
}

/// <summary>
/// The report of one semester: a draft whose figures are computed from the data whenever it is read,
/// until the secretariat issues it; issuing stores the figures and the kept proposals
/// (<see cref="Snapshot"/>) and the report never changes again.
/// </summary>
public sealed class SemesterReport
{
    /// <summary>Prefix of the secretariat's own proposals' keys.</summary>
    public const string OwnPrefix = "own:";

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>"2024H1": one report per semester.</summary>
    public required string Semester { get; init; }

    /// <summary>When the draft was first saved.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was issued; null while a draft.</summary>
    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>Who issued it.</summary>
    public string? IssuedByName { get; private set; }

    /// <summary>The issued content (JSON), frozen.</summary>
    public string? Snapshot { get; private set; }

    /// <summary>Counts changes: two writers of the same draft cannot both win.</summary>
    public int Revision { get; private set; }

    /// <summary>Decisions on proposals.</summary>
    public ICollection<ReportProposal> Proposals { get; init; } = [];

    /// <summary>True once issued.</summary>
    public bool IsIssued => IssuedAt is not null;

    /// <summary>
    /// Keeps, drops or rewords the proposal <paramref name="key"/>. A null or blank text keeps the rule's
    /// own wording; an own proposal must keep a text.
    /// </summary>
    public ReportError? Decide(string key, ProposalDecision decision, string? text, string? language, string byName, DateTimeOffset at)
    {
        if (IsIssued)
        {
            return ReportError.AlreadyIssued;
        }

        var clean = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (CheckText(clean, language, required: key.StartsWith(OwnPrefix, StringComparison.Ordinal)) is { } error)
        {
            return error;
        }

        var proposal = Proposals.FirstOrDefault(p => p.Key == key);
        if (proposal is null)
        {
            if (key.StartsWith(OwnPrefix, StringComparison.Ordinal) || key.Length is 0 or > ReportProposal.KeyMax)
            {
                return ReportError.UnknownProposal;
            }

            proposal = new ReportProposal { Id = Guid.NewGuid(), ReportId = Id, Key = key, DecidedByName = byName };
            Proposals.Add(proposal);
        }

        proposal.Set(decision, clean, language);
        proposal.DecidedByName = byName;
        proposal.DecidedAt = at;
        Revision++;
        return null;
    }

    /// <summary>Adds a proposal the secretariat writes itself, accepted; returns its key.</summary>
    public (string? Key, ReportError? Error) Propose(string? text, string? language, string byName, DateTimeOffset at)
    {
        if (IsIssued)
        {
            return (null, ReportError.AlreadyIssued);
        }

        var clean = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (CheckText(clean, language, required: true) is { } error)
        {
            return (null, error);
        }

        var next = Proposals.Where(p => p.IsOwn).Select(p => int.TryParse(p.Key.AsSpan(OwnPrefix.Length), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var proposal = new ReportProposal { Id = Guid.NewGuid(), ReportId = Id, Key = OwnPrefix + next, DecidedByName = byName, DecidedAt = at };
        proposal.Set(ProposalDecision.Accepted, clean, language);
        Proposals.Add(proposal);
        Revision++;
        return (proposal.Key, null);
    }

    /// <summary>Freezes <paramref name="snapshot"/>; refused twice and before the semester is over.</summary>
    public ReportError? Issue(string snapshot, DateOnly semesterEnd, string byName, DateTimeOffset at)
    {
        if (IsIssued)
        {
            return ReportError.AlreadyIssued;
        }

        if (DateOnly.FromDateTime(at.UtcDateTime) <= semesterEnd)
        {
            return ReportError.SemesterNotOver;
        }

        Snapshot = snapshot;
        IssuedAt = at;
        IssuedByName = byName;
        Revision++;
        return null;
    }

    private static ReportError? CheckText(string? text, string? language, bool required) =>
        text is null ? (required ? ReportError.TextRequired : null)
        : text.Length > ReportProposal.TextMax ? ReportError.TextTooLong
        : !Languages.All.Contains(language ?? string.Empty) ? ReportError.Language
        : null;
}
