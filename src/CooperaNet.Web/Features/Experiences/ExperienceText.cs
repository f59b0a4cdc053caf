using CooperaNet.Domain.Experiences;

namespace CooperaNet.Web.Features.Experiences;

/// <summary>
/// An experience's texts in one language: the original when it is in that language or has no
/// translation into it, else the translation typed by a person, with who and when.
/// </summary>
public sealed record ExperienceText(string Language, string Title, string Summary, string Body, ExperienceTranslation? Translation)
{
    public bool IsOriginal => Translation is null;

    public static ExperienceText In(Experience experience, string language) =>
        experience.Translations.FirstOrDefault(t => t.Language == language && language != experience.Language) is { } t
            ? new ExperienceText(t.Language, t.Title, t.Summary, t.Body, t)
            : new ExperienceText(experience.Language, experience.Title, experience.Summary, experience.Body, null);

    /// <summary>The original first, then each translation.</summary>
    public static IReadOnlyList<ExperienceText> All(Experience experience) =>
        [In(experience, experience.Language), .. experience.Translations.OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => In(experience, t.Language))];
}
