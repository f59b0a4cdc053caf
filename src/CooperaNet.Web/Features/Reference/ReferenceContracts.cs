namespace CooperaNet.Web.Features.Reference;

/// <summary>A list in one language.</summary>
public sealed record LocalizedList<T>(string Language, IReadOnlyList<T> Items);

public sealed record MemberStateItem(
    string Code, string Alpha3, string Numeric, string Name, string OfficialName, string Subregion,
    bool SmallIslandDevelopingState, bool LeastDevelopedCountry, IReadOnlyList<GroupMembershipItem> Groups);

public sealed record GroupMembershipItem(string Code, string Name, string Status);

public sealed record MemberStateDetail(string Language, MemberStateItem State, IReadOnlyDictionary<string, string?> Names);

/// <summary>A name and the language it is in (differs from the one asked when no translation exists).</summary>
public sealed record Named(string Text, string Language);

public sealed record SectorCategoryItem(string Code, Named Name, bool Withdrawn);

public sealed record SectorItem(string Code, string Category, Named Name, bool Withdrawn);

public sealed record SectorList(string Language, IReadOnlyList<SectorCategoryItem> Categories, IReadOnlyList<SectorItem> Items);

public sealed record SdgTargetItem(string Code, Named Title);

public sealed record SdgGoalItem(int Number, string Code, Named Title, Named ShortName, IReadOnlyList<SdgTargetItem> Targets);
