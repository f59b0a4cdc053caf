namespace CooperaNet.Domain.Catalog;

/// <summary>
/// An offer or a demand of cooperation published by a member state. Its life cycle is a small state
/// machine: each transition method checks the current status and returns an <see cref="EntryError"/>
/// instead of changing anything when the move is not allowed.
/// </summary>
public sealed class CatalogEntry
{
    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>Offer or demand.</summary>
    public EntryKind Kind { get; init; }

    /// <summary>The member state the entry belongs to (alpha-2).</summary>
    public required string StateCode { get; init; }

    /// <summary>Where the entry is in its life cycle.</summary>
    public EntryStatus Status { get; private set; }

    /// <summary>The language the author wrote in.</summary>
    public required string Language { get; set; }

    /// <summary>Title, in <see cref="Language"/>.</summary>
    public required string Title { get; set; }

    /// <summary>Summary, in <see cref="Language"/>.</summary>
    public required string Summary { get; set; }

    /// <summary>Description, in <see cref="Language"/>.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>The form of cooperation.</summary>
    public Modality Modality { get; set; }

    /// <summary>Languages the cooperation can be carried out in (es, en, pt, fr), comma-separated.</summary>
    public string WorkingLanguages { get; set; } = string.Empty;

    /// <summary>
    /// For an offer, the states or subregions it is open to; for a demand, where help may come from.
    /// Alpha-2 codes or subregion names, comma-separated; empty means everyone.
    /// </summary>
    public string OpenTo { get; set; } = string.Empty;

    /// <summary>The institution responsible.</summary>
    public required string Institution { get; set; }

    /// <summary>Contact person.</summary>
    public string ContactName { get; set; } = string.Empty;

    /// <summary>Contact e-mail.</summary>
    public string ContactEmail { get; set; } = string.Empty;

    /// <summary>Start of the time window.</summary>
    public DateOnly? StartsOn { get; set; }

    /// <summary>End of the time window.</summary>
    public DateOnly? EndsOn { get; set; }

    /// <summary>Who pays for what.</summary>
    public string CostSharing { get; set; } = string.Empty;

    /// <summary>After this day the entry is no longer shown as open.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The secretariat's comment when it returned the entry.</summary>
    public string? ReturnComment { get; private set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>First published.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>
    /// True when the last change was made by the secretariat on the state's behalf rather than by the
    /// state's own focal point: the measure of each state's autonomy.
    /// </summary>
    public bool LastChangedBySecretariat { get; set; }

    /// <summary>Set when deleted; deleted entries are hidden and can be restored.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Translations entered by the author.</summary>
    public ICollection<EntryTranslation> Translations { get; init; } = [];

    /// <summary>DAC sectors.</summary>
    public ICollection<EntrySector> Sectors { get; init; } = [];

    /// <summary>SDG goals and targets.</summary>
    public ICollection<EntrySdg> Sdgs { get; init; } = [];

    /// <summary>Attached PDFs.</summary>
    public ICollection<EntryAttachment> Attachments { get; init; } = [];

    /// <summary>Search index terms.</summary>
    public ICollection<EntrySearchTerm> SearchTerms { get; init; } = [];

    /// <summary>True while the state may still edit it (draft, or returned to draft).</summary>
    public bool IsEditableByState => Status == EntryStatus.Draft && DeletedAt is null;

    /// <summary>
    /// Whether <paramref name="transition"/> is possible from where the entry is now (who may make
    /// it is for the caller's authorization). The moves below ask the same question before acting.
    /// </summary>
    public bool Allows(EntryTransition transition) => Refusal(transition) is null;

    /// <summary>Sends a draft to the secretariat.</summary>
    public EntryError? Submit(DateTimeOffset at) => Move(EntryTransition.Submit, EntryStatus.Submitted, at);

    /// <summary>Publishes a submitted entry (secretariat).</summary>
    public EntryError? Publish(DateTimeOffset at)
    {
        var error = Move(EntryTransition.Publish, EntryStatus.Published, at);
        if (error is null)
        {
            PublishedAt ??= at;
            ReturnComment = null;
        }

        return error;
    }

    /// <summary>Sends a submitted or published entry back to its state with what to change (secretariat).</summary>
    public EntryError? Return(string comment, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return EntryError.CommentRequired;
        }

        var error = Move(EntryTransition.Return, EntryStatus.Draft, at);
        if (error is null)
        {
            ReturnComment = comment.Trim();
        }

        return error;
    }

    /// <summary>The state takes back an entry that is not closed.</summary>
    public EntryError? Withdraw(DateTimeOffset at) => Move(EntryTransition.Withdraw, EntryStatus.Withdrawn, at);

    /// <summary>Closes a published entry: fulfilled or no longer available.</summary>
    public EntryError? Close(DateTimeOffset at) => Move(EntryTransition.Close, EntryStatus.Closed, at);

    /// <summary>Hides the entry; <see cref="Restore"/> brings it back as it was.</summary>
    public EntryError? Delete(DateTimeOffset at)
    {
        var error = Refusal(EntryTransition.Delete);
        if (error is null)
        {
            DeletedAt = at;
            UpdatedAt = at;
        }

        return error;
    }

    /// <summary>Undoes a deletion.</summary>
    public EntryError? Restore(DateTimeOffset at)
    {
        var error = Refusal(EntryTransition.Restore);
        if (error is null)
        {
            DeletedAt = null;
            UpdatedAt = at;
        }

        return error;
    }

    /// <summary>The one table of which status each transition starts from.</summary>
    private EntryError? Refusal(EntryTransition transition)
    {
        if (transition == EntryTransition.Restore)
        {
            return DeletedAt is null ? EntryError.NotDeleted : null;
        }

        if (DeletedAt is not null)
        {
            return EntryError.Deleted;
        }

        var allowed = transition switch
        {
            EntryTransition.Submit => Status == EntryStatus.Draft,
            EntryTransition.Publish => Status == EntryStatus.Submitted,
            EntryTransition.Return => Status is EntryStatus.Submitted or EntryStatus.Published,
            EntryTransition.Withdraw => Status is EntryStatus.Draft or EntryStatus.Submitted or EntryStatus.Published,
            EntryTransition.Close => Status == EntryStatus.Published,
            EntryTransition.Delete => true,
            _ => false,
        };
        return allowed ? null : EntryError.IllegalTransition;
    }

    private EntryError? Move(EntryTransition transition, EntryStatus to, DateTimeOffset at)
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
