namespace CooperaNet.Domain.Reference;

/// <summary>One of the 35 member states of the OAS: the tenants of the platform's data.</summary>
public sealed class MemberState
{
    /// <summary>ISO 3166-1 alpha-2 code, the key (e.g. "CO").</summary>
    public required string Code { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code (e.g. "COL").</summary>
    public required string Alpha3 { get; set; }

    /// <summary>ISO 3166-1 numeric code, zero-padded (e.g. "170").</summary>
    public required string Numeric { get; set; }

    /// <summary>Common name in the four languages.</summary>
    public required LocalizedText Name { get; set; }

    /// <summary>Formal name (UNTERM) where known.</summary>
    public required LocalizedText OfficialName { get; set; }

    /// <summary>UN M49 subregion: Caribbean, Central America, South America or Northern America.</summary>
    public required string Subregion { get; set; }

    /// <summary>Small island developing state.</summary>
    public bool IsSmallIslandDevelopingState { get; set; }

    /// <summary>Least developed country.</summary>
    public bool IsLeastDevelopedCountry { get; set; }

    /// <summary>The groups (MERCOSUR, CARICOM...) this state belongs to.</summary>
    public ICollection<StateGroupMembership> Memberships { get; init; } = [];
}

/// <summary>A regional or subregional grouping used by later features (MERCOSUR, SEGIB, CARICOM, SICA).</summary>
public sealed class StateGroup
{
    /// <summary>Short code, the key (e.g. "MERCOSUR").</summary>
    public required string Code { get; init; }

    /// <summary>Full name in the four languages.</summary>
    public required LocalizedText Name { get; set; }

    /// <summary>The states of the group that are OAS member states.</summary>
    public ICollection<StateGroupMembership> Members { get; init; } = [];
}

/// <summary>A member state's place in a group.</summary>
public sealed class StateGroupMembership
{
    /// <summary>The group's code.</summary>
    public required string GroupCode { get; init; }

    /// <summary>The state's alpha-2 code.</summary>
    public required string StateCode { get; init; }

    /// <summary>"member", "associate" or "suspended".</summary>
    public required string Status { get; set; }
}
