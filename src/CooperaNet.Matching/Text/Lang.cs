namespace CooperaNet.Matching.Text;

/// <summary>The four languages the engine reads, and a fallback for anything else.</summary>
internal enum Lang
{
    Other = 0,
    Es = 1,
    En = 2,
    Pt = 3,
    Fr = 4,
}

internal static class LangCodes
{
    /// <summary>The language of a tag such as "es", "pt-BR" or "FR"; <see cref="Lang.Other"/> when unknown.</summary>
    public static Lang Parse(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length < 2)
        {
            return Lang.Other;
        }

        return (char.ToLowerInvariant(tag[0]), char.ToLowerInvariant(tag[1])) switch
        {
            ('e', 's') => Lang.Es,
            ('e', 'n') => Lang.En,
            ('p', 't') => Lang.Pt,
            ('f', 'r') => Lang.Fr,
            _ => Lang.Other,
        };
    }
}
