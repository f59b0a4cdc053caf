namespace CooperaNet.Application.Reports;

/// <summary>
/// The stated rules that suggest proposals for the next semester from a semester's figures. Each
/// suggestion has a stable key (the rule, and what it is about), so the secretariat's decision on it
/// survives recomputing the draft.
/// </summary>
public static class ProposalRules
{
    /// <summary>States without any published entry: targeted sessions.</summary>
    public const string StatesWithoutEntry = "states-without-entry";

    /// <summary>States that published before but did nothing this semester: contact them.</summary>
    public const string QuietStates = "quiet-states";

    /// <summary>Demand in a sector category unmet for six months: call for experts ("unmet-demand:140").</summary>
    public const string UnmetDemand = "unmet-demand";

    /// <summary>Matches waiting more than 30 days for an answer: remind the focal points.</summary>
    public const string UnansweredMatches = "unanswered-matches";

    /// <summary>States whose publications were mostly entered by the secretariat: train focal points.</summary>
    public const string LowAutonomy = "low-autonomy";

    /// <summary>A work-plan action at risk: review it ("action-at-risk:3").</summary>
    public const string ActionAtRisk = "action-at-risk";

    /// <summary>The keys of the proposals the rules suggest for <paramref name="figures"/>, in the report's order.</summary>
    public static IReadOnlyList<string> Suggest(SemesterFigures figures)
    {
        var keys = new List<string>();
        if (figures.StatesWithoutEntry.Count > 0)
        {
            keys.Add(StatesWithoutEntry);
        }

        if (figures.QuietStates.Count > 0)
        {
            keys.Add(QuietStates);
        }

        if (figures.LowAutonomyStates.Count > 0)
        {
            keys.Add(LowAutonomy);
        }

        keys.AddRange(figures.UnmetDemands.Select(u => $"{UnmetDemand}:{u.Category}"));
        if (figures.UnansweredMatches > 0)
        {
            keys.Add(UnansweredMatches);
        }

        keys.AddRange(figures.Actions.Where(a => a.Status == "at-risk").Select(a => $"{ActionAtRisk}:{a.Number}"));
        return keys;
    }

    /// <summary>The rule part of a key ("unmet-demand" of "unmet-demand:140").</summary>
    public static string RuleOf(string key) => key.Split(':', 2)[0];

    /// <summary>The subject part of a key ("140" of "unmet-demand:140"), or empty.</summary>
    public static string SubjectOf(string key) => key.Split(':', 2) is [_, var subject] ? subject : string.Empty;
}
