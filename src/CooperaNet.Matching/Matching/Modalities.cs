namespace CooperaNet.Matching;

/// <summary>
/// Which forms of cooperation fit each other. Names are compared without case, spaces, dashes or
/// underscores ("TrainingCourse", "training-course", "training_course" are one). The same form
/// fits; so do forms of one family: expert help (technical assistance, expert mission), learning
/// by going (internship, study visit, exchange of experiences), and learning by studying
/// (training course, scholarship).
/// </summary>
internal static class Modalities
{
    private static readonly string[][] Families =
    [
        ["technicalassistance", "expertmission"],
        ["internship", "studyvisit", "exchangeofexperiences"],
        ["trainingcourse", "scholarship"],
    ];

    public static string? Normalize(string? modality)
    {
        if (string.IsNullOrWhiteSpace(modality))
        {
            return null;
        }

        var normalized = new string(modality.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return normalized.Length == 0 ? null : normalized;
    }

    /// <summary>The family a normalized modality belongs to, or -1.</summary>
    public static int FamilyOf(string? normalized) => normalized is null ? -1 : Array.FindIndex(Families, f => f.Contains(normalized));

    public static bool Compatible(string? a, string? b)
    {
        if (a is null || b is null || a == "other" || b == "other")
        {
            return false;
        }

        var family = FamilyOf(a);
        return a == b || (family >= 0 && family == FamilyOf(b));
    }
}
