namespace CooperaNet.Domain.Reference;

/// <summary>An OECD-DAC 3-digit sector category (IATI SectorCategory code list).</summary>
public sealed class SectorCategory
{
    /// <summary>Three-digit code, the key (e.g. "140").</summary>
    public required string Code { get; init; }

    /// <summary>Name in the four languages.</summary>
    public required LocalizedText Name { get; set; }

    /// <summary>Withdrawn from the code list: kept for old records, not offered for new ones.</summary>
    public bool IsWithdrawn { get; set; }
}

/// <summary>An OECD-DAC 5-digit CRS purpose code (IATI Sector code list).</summary>
public sealed class Sector
{
    /// <summary>Five-digit code, the key (e.g. "14020").</summary>
    public required string Code { get; init; }

    /// <summary>The 3-digit category this sector belongs to.</summary>
    public required string CategoryCode { get; set; }

    /// <summary>Name in the four languages.</summary>
    public required LocalizedText Name { get; set; }

    /// <summary>Withdrawn from the code list: kept for old records, not offered for new ones.</summary>
    public bool IsWithdrawn { get; set; }
}
