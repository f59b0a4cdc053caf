using System.Text.RegularExpressions;
using CooperaNet.Application.Catalog;
using CooperaNet.Domain.Catalog;

namespace CooperaNet.Application.Demo;

/// <summary>How an activity's narrative becomes an entry's title, summary and modality.</summary>
internal static partial class DemoText
{
    private const int SummaryTarget = 160;

    /// <summary>
    /// Keywords in the four languages, matched on folded text ("formação" → "formacao") at the start of a
    /// word, in this order: the first modality whose words appear wins.
    /// </summary>
    private static readonly (Modality Modality, Regex Words)[] Modalities =
    [
        (Modality.TrainingCourse, TrainingWords()),
        (Modality.TechnicalAssistance, TechnicalAssistanceWords()),
        (Modality.ExchangeOfExperiences, ExchangeWords()),
        (Modality.Scholarship, ScholarshipWords()),
        (Modality.StudyVisit, VisitWords()),
        (Modality.ExpertMission, ExpertWords()),
    ];

    /// <summary>At most <paramref name="max"/> characters, cut at a word and marked with an ellipsis.</summary>
    public static string Cut(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>The first sentences of the first paragraph, enough for a list item; the title when there is no description.</summary>
    public static string Summary(string description, string title, int max)
    {
        var paragraph = description.Split("\n\n", 2)[0].Trim();
        if (paragraph.Length == 0)
        {
            return Cut(title, max);
        }

        var summary = string.Empty;
        foreach (var sentence in SentenceEnd().Split(paragraph))
        {
            var next = summary.Length == 0 ? sentence : summary + " " + sentence;
            if (summary.Length > 0 && next.Length > max)
            {
                break;
            }

            summary = next;
            if (summary.Length >= SummaryTarget)
            {
                break;
            }
        }

        return Cut(summary, max);
    }

    /// <summary>The form of cooperation the title names, else the one the description names, else technical assistance.</summary>
    public static Modality ModalityOf(string title, string description)
    {
        foreach (var text in new[] { title, description })
        {
            var folded = SearchText.Fold(text);
            foreach (var (modality, words) in Modalities)
            {
                if (words.IsMatch(folded))
                {
                    return modality;
                }
            }
        }

        return Modality.TechnicalAssistance;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d¿¡(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(training|capacitaci|capacitac|formacion|formacao|formation|curso|course)")]
    private static partial Regex TrainingWords();

    [GeneratedRegex(@"\b(technical assistance|asistencia tecnica|assistencia tecnica|assistance technique)\b")]
    private static partial Regex TechnicalAssistanceWords();

    [GeneratedRegex(@"\b(exchange|intercambio|echange)")]
    private static partial Regex ExchangeWords();

    [GeneratedRegex(@"\b(scholarships?|becas?|bolsas?|bourses?)\b")]
    private static partial Regex ScholarshipWords();

    [GeneratedRegex(@"\b(visit|visita|visite)")]
    private static partial Regex VisitWords();

    [GeneratedRegex(@"\b(expert|experto|experta|especialista)")]
    private static partial Regex ExpertWords();
}
