namespace CooperaNet.Domain.Communications;

/// <summary>
/// The key audiences of the platform's communication (work plan, para 69 and action 2). Each has its key
/// message, its channels and its newsletter. Localized as "Audience." + <see cref="AudienceNames.Key"/>.
/// </summary>
public enum Audience
{
    FocalPoints,
    CooperationAuthorities,
    Experts,
    Partners,
    Public,
    Media,
    Donors,
}

/// <summary>The stable, lower-case names of the audiences, used in addresses, files and resource keys.</summary>
public static class AudienceNames
{
    public static IReadOnlyList<Audience> All { get; } = Enum.GetValues<Audience>();

    /// <summary>"focal-points", "cooperation-authorities"...</summary>
    public static string Key(Audience audience) => audience switch
    {
        Audience.FocalPoints => "focal-points",
        Audience.CooperationAuthorities => "cooperation-authorities",
        Audience.Experts => "experts",
        Audience.Partners => "partners",
        Audience.Public => "public",
        Audience.Media => "media",
        Audience.Donors => "donors",
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, null),
    };

    /// <summary>The audience named <paramref name="key"/>, or null when no audience has that name.</summary>
    public static Audience? Parse(string? key) => All.Cast<Audience?>().FirstOrDefault(a => Key(a!.Value) == key);
}
