using System.Globalization;

namespace CooperaNet.Matching;

/// <summary>
/// Plain wording of a reason in Spanish, English, Portuguese or French, for logs, exports and the
/// command line; the web pages word reasons through their own localizer.
/// </summary>
public static class ReasonText
{
    private static readonly Dictionary<ReasonKind, string[]> Templates = new()
    {
        // es, en, pt, fr
        [ReasonKind.SameSector] = ["Mismo sector: {0}", "Same sector: {0}", "Mesmo setor: {0}", "Même secteur : {0}"],
        [ReasonKind.SameCategory] = ["Misma categoría de sector: {0}", "Same sector category: {0}", "Mesma categoria de setor: {0}", "Même catégorie de secteur : {0}"],
        [ReasonKind.SharedSdg] = ["ODS en común: {0}", "Shared SDGs: {0}", "ODS em comum: {0}", "ODD communs : {0}"],
        [ReasonKind.CompatibleModality] = ["Modalidades compatibles: {0}", "Compatible modalities: {0}", "Modalidades compatíveis: {0}", "Modalités compatibles : {0}"],
        [ReasonKind.CommonLanguage] = ["Idioma común: {0}", "Common language: {0}", "Idioma comum: {0}", "Langue commune : {0}"],
        [ReasonKind.EligibleCountry] = ["País elegible: {0}", "Eligible country: {0}", "País elegível: {0}", "Pays éligible : {0}"],
        [ReasonKind.OverlappingPeriod] = ["Periodo común: {0}", "Overlapping period: {0}", "Período comum: {0}", "Période commune : {0}"],
        [ReasonKind.SimilarText] = ["Textos afines: {0}", "Similar texts: {0}", "Textos afins: {0}", "Textes proches : {0}"],
    };

    private static readonly string[] InferredNote = [" (deducido del texto)", " (inferred from the text)", " (deduzido do texto)", " (déduit du texte)"];

    /// <summary>The reason in <paramref name="language"/> (English when unknown).</summary>
    /// <param name="reason">The reason to word.</param>
    /// <param name="language">"es", "en", "pt" or "fr".</param>
    /// <param name="nameOf">The name of a code or concept in that language, or null to show the value as it is.</param>
    public static string Describe(this MatchReason reason, string language, Func<string, string?>? nameOf = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var i = language switch { "es" => 0, "pt" => 2, "fr" => 3, _ => 1 };
        var separator = reason.Kind == ReasonKind.OverlappingPeriod ? " – " : ", ";
        var values = string.Join(separator, reason.Values.Select(v => nameOf?.Invoke(v) is { } name ? $"{v} {name}" : v));
        var text = string.Format(CultureInfo.InvariantCulture, Templates[reason.Kind][i], values);
        return reason.Inferred ? text + InferredNote[i] : text;
    }
}
