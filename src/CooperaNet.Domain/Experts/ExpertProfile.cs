namespace CooperaNet.Domain.Experts;

/// <summary>How well an expert speaks a language.</summary>
public enum LanguageLevel
{
    /// <summary>Can follow and take part in simple exchanges.</summary>
    Basic = 0,

    /// <summary>Works in it with some help.</summary>
    Intermediate = 1,

    /// <summary>Works in it fully: meetings, reports.</summary>
    Advanced = 2,

    /// <summary>First language.</summary>
    Native = 3,
}

/// <summary>Whether an expert can take a mission.</summary>
public enum Availability
{
    /// <summary>Free for missions.</summary>
    Available = 0,

    /// <summary>Free for short or part-time missions.</summary>
    Partly = 1,

    /// <summary>Not available for now.</summary>
    Unavailable = 2,
}

/// <summary>A language an expert works in, and how well.</summary>
public sealed class ExpertLanguage
{
    /// <summary>The expert.</summary>
    public Guid ExpertId { get; init; }

    /// <summary>ISO 639-1 code ("es", "en", "qu"...).</summary>
    public required string Language { get; init; }

    /// <summary>How well.</summary>
    public LanguageLevel Level { get; set; }
}

/// <summary>A DAC sector of the expert's expertise.</summary>
public sealed class ExpertSector
{
    /// <summary>The expert.</summary>
    public Guid ExpertId { get; init; }

    /// <summary>Five-digit DAC code.</summary>
    public required string SectorCode { get; init; }
}

/// <summary>An SDG goal or target of the expert's expertise.</summary>
public sealed class ExpertSdg
{
    /// <summary>The expert.</summary>
    public Guid ExpertId { get; init; }

    /// <summary>"6" or "6.1".</summary>
    public required string Code { get; init; }
}

/// <summary>The expert's CV: one PDF, kept apart from the profile so lists never load it.</summary>
public sealed class ExpertCv
{
    /// <summary>Largest CV accepted.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The expert (one CV each).</summary>
    public Guid ExpertId { get; init; }

    /// <summary>The name it was uploaded with.</summary>
    public required string FileName { get; init; }

    /// <summary>Bytes.</summary>
    public int Size { get; init; }

    /// <summary>SHA-256 of the content, hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The PDF.</summary>
    public required byte[] Content { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>
/// A person who offers expertise to the platform's exchanges: the profile they keep themselves, with
/// the consent to process their personal data they gave (and when, under which text). Personal data:
/// only the expert, the secretariat and, for an assignment, the focal points concerned see it.
/// </summary>
public sealed class ExpertProfile
{
    /// <summary>Longest name.</summary>
    public const int NameMax = 200;

    /// <summary>Longest education or position text.</summary>
    public const int TextMax = 2000;

    /// <summary>Longest summary of expertise.</summary>
    public const int SummaryMax = 4000;

    /// <summary>Most years of experience accepted.</summary>
    public const int YearsMax = 70;

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>The expert's account (one profile per account).</summary>
    public Guid UserId { get; init; }

    /// <summary>Full name.</summary>
    public required string FullName { get; set; }

    /// <summary>Nationality, ISO 3166-1 alpha-2.</summary>
    public required string Nationality { get; set; }

    /// <summary>Where the expert lives, ISO 3166-1 alpha-2 (missions nearby cost less).</summary>
    public string? Residence { get; set; }

    /// <summary>What the expert knows and has done, in their own words: what the classifier reads.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>Years of professional experience.</summary>
    public int YearsOfExperience { get; set; }

    /// <summary>Degrees and training.</summary>
    public string Education { get; set; } = string.Empty;

    /// <summary>Current position and employer.</summary>
    public string CurrentPosition { get; set; } = string.Empty;

    /// <summary>Whether missions can be offered now.</summary>
    public Availability Availability { get; set; }

    /// <summary>From when (when not available now).</summary>
    public DateOnly? AvailableFrom { get; set; }

    /// <summary>When the expert consented to the processing of their personal data.</summary>
    public DateTimeOffset ConsentedAt { get; private set; }

    /// <summary>
    /// The version of the consent text they accepted; for an expert the secretariat imported, who
    /// consented to the secretariat beforehand, "imported by the secretariat on" and the day.
    /// </summary>
    public string ConsentVersion { get; private set; } = string.Empty;

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the secretariat approved the expert into the roster; null while not in it.</summary>
    public DateTimeOffset? InRosterSince { get; private set; }

    /// <summary>Languages with their level.</summary>
    public ICollection<ExpertLanguage> Languages { get; init; } = [];

    /// <summary>DAC sectors of expertise.</summary>
    public ICollection<ExpertSector> Sectors { get; init; } = [];

    /// <summary>SDG goals and targets of expertise.</summary>
    public ICollection<ExpertSdg> Sdgs { get; init; } = [];

    /// <summary>True once in the roster.</summary>
    public bool IsInRoster => InRosterSince is not null;

    /// <summary>Records the consent to <paramref name="version"/> of the consent text.</summary>
    public void Consent(string version, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ConsentVersion = version;
        ConsentedAt = at;
    }

    /// <summary>Puts the expert in the roster (vetting approved them); a second approval keeps the first date.</summary>
    public void JoinRoster(DateTimeOffset at)
    {
        if (InRosterSince is null)
        {
            InRosterSince = at;
            UpdatedAt = at;
        }
    }

    /// <summary>Takes the expert out of the roster; the change is dated so the ranking indexes see it.</summary>
    public void LeaveRoster(DateTimeOffset at)
    {
        if (InRosterSince is not null)
        {
            InRosterSince = null;
            UpdatedAt = at;
        }
    }
}
