using CooperaNet.Domain.Reports;

namespace CooperaNet.Application.Reports;

/// <summary>A proposal as the report shows it: a rule's suggestion (its wording from the figures) or the secretariat's text.</summary>
/// <param name="Key">The rule's key, or "own:N".</param>
/// <param name="Decision">pending, accepted or dropped.</param>
/// <param name="Text">The secretariat's wording; null keeps the rule's.</param>
/// <param name="TextLanguage">The language of <paramref name="Text"/>.</param>
public sealed record ProposalItem(string Key, ProposalDecision Decision, string? Text, string? TextLanguage);

/// <summary>
/// Everything one semester report shows. For a draft, computed now; for an issued report, read back
/// from its snapshot, exactly as it was issued.
/// </summary>
public sealed record ReportContent(SemesterFigures Figures, IReadOnlyList<ProposalItem> Proposals, DateTimeOffset? IssuedAt, string? IssuedBy)
{
    /// <summary>True once issued.</summary>
    public bool IsIssued => IssuedAt is not null;
}
