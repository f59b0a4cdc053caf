namespace CooperaNet.Domain.Experiences;

/// <summary>
/// A case study, success story, testimonial, lesson learned or good practice, written by a focal point,
/// an expert, a partner organisation or the secretariat, and published by the secretariat after review.
/// Its life cycle is draft → in review → published; each move checks the current status and returns an
/// <see cref="ExperienceError"/> instead of changing anything when it is not allowed.
/// </summary>
public sealed class Experience
{
    /// <summary>Key; also the permanent address of the experience's page.</summary>
    public Guid Id { get; init; }

    /// <summary>What kind of account of the cooperation it is.</summary>
    public ExperienceKind Kind { get; set; }

    /// <summary>Where it is in its life cycle.</summary>
    public ExperienceStatus Status { get; private set; }

    /// <summary>
    /// The member state responsible for it (alpha-2): the focal point's own state when a focal point
    /// wrote it, the one the secretariat names, or null for an expert's or a partner's experience.
    /// Its focal points may edit it.
    /// </summary>
    public string? StateCode { get; set; }

    /// <summary>The user who wrote it; experts and partners edit only their own.</summary>
    public Guid AuthorId { get; init; }

    /// <summary>The author's name as shown on the page (the institution, organisation or person).</summary>
    public required string AuthorName { get; set; }

    /// <summary>The author's part: focal point, expert, partner or secretariat.</summary>
    public ExperienceAuthorRole AuthorRole { get; init; }

    /// <summary>The language the author wrote in.</summary>
    public required string Language { get; set; }

    /// <summary>Title, in <see cref="Language"/>.</summary>
    public required string Title { get; set; }

    /// <summary>A few sentences for lists, feeds and link previews, in <see cref="Language"/>.</summary>
    public required string Summary { get; set; }

    /// <summary>The account itself, in Markdown; rendered to safe HTML (no raw HTML, links only http, https, mailto).</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>An optional link to a video (http or https), shown as a link, never embedded.</summary>
    public string? VideoUrl { get; set; }

    /// <summary>The initiative it came from, if any.</summary>
    public Guid? InitiativeId { get; set; }

    /// <summary>The secretariat's comment when it returned the experience.</summary>
    public string? ReturnComment { get; private set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>First published.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Set when deleted; deleted experiences are hidden and can be restored.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Folded text of every title, summary and body, for search (kept by the writer).</summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>Member states the experience is about.</summary>
    public ICollection<ExperienceState> States { get; init; } = [];

    /// <summary>DAC sectors (5 digits).</summary>
    public ICollection<ExperienceSector> Sectors { get; init; } = [];

    /// <summary>SDG goals and targets.</summary>
    public ICollection<ExperienceSdg> Sdgs { get; init; } = [];

    /// <summary>Translations entered by people, each with who and when.</summary>
    public ICollection<ExperienceTranslation> Translations { get; init; } = [];

    /// <summary>True while its author may still change it (draft, or returned to draft).</summary>
    public bool IsEditableByAuthor => Status == ExperienceStatus.Draft && DeletedAt is null;

    /// <summary>True when the public may read it.</summary>
    public bool IsPublic => Status == ExperienceStatus.Published && DeletedAt is null;

    /// <summary>Whether <paramref name="transition"/> is possible from where the experience is now.</summary>
    public bool Allows(ExperienceTransition transition) => Refusal(transition) is null;

    /// <summary>Sends a draft to the secretariat for review.</summary>
    public ExperienceError? Submit(DateTimeOffset at) => Move(ExperienceTransition.Submit, ExperienceStatus.InReview, at);

    /// <summary>Publishes an experience in review (secretariat).</summary>
    public ExperienceError? Publish(DateTimeOffset at)
    {
        var error = Move(ExperienceTransition.Publish, ExperienceStatus.Published, at);
        if (error is null)
        {
            PublishedAt ??= at;
            ReturnComment = null;
        }

        return error;
    }

    /// <summary>Sends an experience in review or published back to its author with what to change (secretariat).</summary>
    public ExperienceError? Return(string? comment, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return ExperienceError.CommentRequired;
        }

        var error = Move(ExperienceTransition.Return, ExperienceStatus.Draft, at);
        if (error is null)
        {
            ReturnComment = comment.Trim();
        }

        return error;
    }

    /// <summary>Hides the experience; <see cref="Restore"/> brings it back as it was.</summary>
    public ExperienceError? Delete(DateTimeOffset at)
    {
        var error = Refusal(ExperienceTransition.Delete);
        if (error is null)
        {
            DeletedAt = at;
            UpdatedAt = at;
        }

        return error;
    }

    /// <summary>Undoes a deletion (secretariat).</summary>
    public ExperienceError? Restore(DateTimeOffset at)
    {
        var error = Refusal(ExperienceTransition.Restore);
        if (error is null)
        {
            DeletedAt = null;
            UpdatedAt = at;
        }

        return error;
    }

    /// <summary>
    /// Records a translation typed by a person (<paramref name="byName"/>): a new language, or a changed text of one
    /// already there, takes its translator and time; an unchanged one keeps them.
    /// </summary>
    public ExperienceError? Translate(string language, string title, string summary, string body, Guid byId, string byName, DateTimeOffset at)
    {
        if (!Languages.IsSupported(language) || language == Language)
        {
            return ExperienceError.TranslationLanguage;
        }

        var translation = Translations.FirstOrDefault(t => t.Language == language);
        if (translation is null)
        {
            Translations.Add(new ExperienceTranslation
            {
                ExperienceId = Id,
                Language = language,
                Title = title,
                Summary = summary,
                Body = body,
                TranslatedById = byId,
                TranslatedBy = byName,
                TranslatedAt = at,
            });
            return null;
        }

        if (translation.Title != title || translation.Summary != summary || translation.Body != body)
        {
            translation.Title = title;
            translation.Summary = summary;
            translation.Body = body;
            translation.TranslatedById = byId;
            translation.TranslatedBy = byName;
            translation.TranslatedAt = at;
        }

        return null;
    }

    /// <summary>The one table of which status each transition starts from.</summary>
    private ExperienceError? Refusal(ExperienceTransition transition)
    {
        if (transition == ExperienceTransition.Restore)
        {
            return DeletedAt is null ? ExperienceError.NotDeleted : null;
        }

        if (DeletedAt is not null)
        {
            return ExperienceError.Deleted;
        }

        var allowed = transition switch
        {
            ExperienceTransition.Submit => Status == ExperienceStatus.Draft,
            ExperienceTransition.Publish => Status == ExperienceStatus.InReview,
            ExperienceTransition.Return => Status is ExperienceStatus.InReview or ExperienceStatus.Published,
            ExperienceTransition.Delete => true,
            _ => false,
        };
        return allowed ? null : ExperienceError.IllegalTransition;
    }

    private ExperienceError? Move(ExperienceTransition transition, ExperienceStatus to, DateTimeOffset at)
    {
        var error = Refusal(transition);
        if (error is null)
        {
            Status = to;
            UpdatedAt = at;
        }

        return error;
    }
}
