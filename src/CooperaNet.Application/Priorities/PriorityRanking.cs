namespace CooperaNet.Application.Priorities;

/// <summary>Why a demand counts as unmet; both may hold.</summary>
[Flags]
public enum UnmetReasons
{
    None = 0,

    /// <summary>Published at least <see cref="PriorityOptions.UnmetAfterDays"/> ago without an agreed pair or an initiative.</summary>
    Waiting = 1,

    /// <summary>Its best current pair scores below <see cref="PriorityOptions.LowScore"/>, or it has no current pair.</summary>
    WeakOffer = 2,
}

/// <summary>A published demand nobody has met yet, with its weight in the ranking.</summary>
/// <param name="AgeDays">Whole days since its first publication.</param>
/// <param name="Weight"><c>1 + AgeDays / 365</c>: a demand waiting a year counts twice.</param>
/// <param name="BestScore">Its best current pair's score, or null when it has none.</param>
public sealed record UnmetDemand(Guid Id, string State, DateTimeOffset PublishedAt, int AgeDays, double Weight, double? BestScore, UnmetReasons Reasons);

/// <summary>One area of a dimension (a category, a goal, a subregion...) and the unmet demand in it.</summary>
/// <param name="Code">The area's code: "140", "14030", "6", "South America", "pt".</param>
/// <param name="Name">Its name in the language asked for.</param>
/// <param name="Score"><see cref="Weight"/> × <see cref="States"/>.</param>
/// <param name="Weight">The sum of its demands' weights.</param>
/// <param name="Demands">Unmet demands in it.</param>
/// <param name="States">Distinct member states asking.</param>
/// <param name="OldestDays">The age of its oldest unmet demand.</param>
/// <param name="DemandIds">Its demands, oldest first (then by id).</param>
public sealed record PriorityArea(string Code, string Name, double Score, double Weight, int Demands, int States, int OldestDays, IReadOnlyList<Guid> DemandIds);

/// <summary>The areas of one dimension, highest score first.</summary>
/// <param name="AsOf">The day the ages are counted to.</param>
/// <param name="Unmet">Every unmet demand by id (one may count in several areas, or, without a code of the dimension, in none).</param>
public sealed record PriorityRanking(
    PriorityDimension Dimension,
    string Language,
    DateOnly AsOf,
    int UnmetAfterDays,
    double LowScore,
    IReadOnlyDictionary<Guid, UnmetDemand> Unmet,
    IReadOnlyList<PriorityArea> Areas)
{
    /// <summary>The area <paramref name="code"/>, or null.</summary>
    public PriorityArea? Area(string code) => Areas.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.Ordinal));
}
