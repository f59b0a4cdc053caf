namespace CooperaNet.Application.Priorities;

/// <summary>What unmet demand is grouped by.</summary>
public enum PriorityDimension
{
    /// <summary>OECD-DAC sector category (3 digits).</summary>
    Category = 0,

    /// <summary>OECD-DAC sector (5-digit CRS purpose code).</summary>
    Sector = 1,

    /// <summary>Sustainable Development Goal (1 to 17); a target counts for its goal.</summary>
    Sdg = 2,

    /// <summary>The UN M49 subregion of the asking state.</summary>
    Subregion = 3,

    /// <summary>A language the cooperation can be carried out in.</summary>
    Language = 4,
}

/// <summary>The dimensions' names in URLs, the API and the command line.</summary>
public static class PriorityDimensions
{
    public static IReadOnlyList<PriorityDimension> All { get; } = Enum.GetValues<PriorityDimension>();

    /// <summary>"category", "sector", "sdg", "subregion", "language".</summary>
    public static string NameOf(PriorityDimension dimension) => dimension.ToString().ToLowerInvariant();

    /// <summary>The names, comma-separated, for messages.</summary>
    public static string Names { get; } = string.Join(", ", All.Select(NameOf));

    /// <summary>The dimension named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static PriorityDimension? Parse(string? name) =>
        All.Select(d => (PriorityDimension?)d).FirstOrDefault(d => string.Equals(NameOf(d!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
