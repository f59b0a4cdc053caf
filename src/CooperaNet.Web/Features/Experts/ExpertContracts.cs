using CooperaNet.Application.Experts;

namespace CooperaNet.Web.Features.Experts;

/// <summary>An application: the account (e-mail, password, language), the consent and the profile.</summary>
public sealed record ApplicationRequest(string? Email, string? Password, bool Consent, string? Language, ExpertInput? Profile);

/// <summary>Erasure asks for a confirmation: {"confirm": true}.</summary>
public sealed record ErasureRequest(bool Confirm);

/// <summary>The CV's name, size and upload time, and where the expert downloads it.</summary>
public sealed record CvView(string FileName, int Size, DateTimeOffset UploadedAt, string Link);

/// <summary>A profile as its expert reads it: the profile and the CV's description.</summary>
public sealed record MyProfileView(ExpertView Profile, CvView? Cv);

/// <summary>The secretariat's filters of the roster; every one optional.</summary>
public sealed record RosterQuery
{
    /// <summary>Words of the name or summary.</summary>
    public string? Q { get; init; }

    /// <summary>A five-digit DAC sector.</summary>
    public string? Sector { get; init; }

    /// <summary>A three-digit DAC category.</summary>
    public string? Category { get; init; }

    /// <summary>An ISO 639-1 language the expert works in.</summary>
    public string? Language { get; init; }

    /// <summary>Nationality or residence, ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }

    /// <summary>available, partly or unavailable.</summary>
    public string? Availability { get; init; }

    /// <summary>True for the approved roster only, false for applicants not yet in it.</summary>
    public bool? InRoster { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = RosterSearch.DefaultPageSize;
}

/// <summary>One expert in the roster's list, with the number and mean (1 to 5) of the receiving states' evaluations.</summary>
public sealed record RosterRow(
    Guid Id,
    string FullName,
    string Nationality,
    string? Residence,
    int YearsOfExperience,
    string Availability,
    DateOnly? AvailableFrom,
    IReadOnlyList<LanguageView> Languages,
    IReadOnlyList<string> Sectors,
    bool InRoster,
    DateTimeOffset UpdatedAt,
    int Evaluations,
    double? AverageEvaluation);

/// <summary>A page of the roster.</summary>
public sealed record RosterPage(int Total, int Page, int PageSize, IReadOnlyList<RosterRow> Items);
