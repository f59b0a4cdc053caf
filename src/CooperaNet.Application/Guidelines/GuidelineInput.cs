using CooperaNet.Application.Catalog;
using CooperaNet.Domain;

namespace CooperaNet.Application.Guidelines;

/// <summary>What a guideline's texts may hold.</summary>
public static class GuidelineLimits
{
    public const int TitleMax = 300;
    public const int BodyMax = 20_000;
    public const int PurposeMax = 2000;
    public const int MeetingMax = 300;
    public const int NoteMax = 2000;
    public const int SectionMax = 200;
    public const int CommentMax = 4000;
    public const int SlugMax = 80;
}

/// <summary>A version's title and Markdown body in the four languages, as the secretariat writes them.</summary>
public sealed record GuidelineVersionInput(
    string? TitleEs,
    string? TitleEn,
    string? TitlePt,
    string? TitleFr,
    string? BodyEs,
    string? BodyEn,
    string? BodyPt,
    string? BodyFr)
{
    /// <summary>Every title and body is required in each language: a guideline is published in all four.</summary>
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Text(errors, "titleEs", TitleEs, GuidelineLimits.TitleMax);
        Text(errors, "titleEn", TitleEn, GuidelineLimits.TitleMax);
        Text(errors, "titlePt", TitlePt, GuidelineLimits.TitleMax);
        Text(errors, "titleFr", TitleFr, GuidelineLimits.TitleMax);
        Text(errors, "bodyEs", BodyEs, GuidelineLimits.BodyMax);
        Text(errors, "bodyEn", BodyEn, GuidelineLimits.BodyMax);
        Text(errors, "bodyPt", BodyPt, GuidelineLimits.BodyMax);
        Text(errors, "bodyFr", BodyFr, GuidelineLimits.BodyMax);
        return errors;
    }

    public LocalizedText Title => LocalizedText.Of(TitleEs, TitleEn, TitlePt, TitleFr);

    public LocalizedText Body => LocalizedText.Of(BodyEs, BodyEn, BodyPt, BodyFr);

    internal static void Text(List<FieldError> errors, string field, string? value, int max, bool required = true)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "guideline.required"));
        }
        else if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "guideline.too-long", max));
        }
    }
}

/// <summary>The working group's approval as the secretariat records it: the meeting (name, place or reference), its date, a note.</summary>
public sealed record GuidelineApprovalInput(string? Meeting, DateOnly? MeetingDate, string? Note)
{
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        GuidelineVersionInput.Text(errors, "meeting", Meeting, GuidelineLimits.MeetingMax);
        GuidelineVersionInput.Text(errors, "note", Note, GuidelineLimits.NoteMax, required: false);
        return errors;
    }
}

/// <summary>A comment during consultation, on the whole text or on one section or paragraph.</summary>
public sealed record GuidelineCommentInput(string? Section, string? Text)
{
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        GuidelineVersionInput.Text(errors, "section", Section, GuidelineLimits.SectionMax, required: false);
        GuidelineVersionInput.Text(errors, "text", Text, GuidelineLimits.CommentMax);
        return errors;
    }
}
