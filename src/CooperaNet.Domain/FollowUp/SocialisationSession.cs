namespace CooperaNet.Domain.FollowUp;

/// <summary>The kind of a socialisation session.</summary>
public enum SessionKind
{
    /// <summary>A presentation online.</summary>
    Webinar = 0,

    /// <summary>A hands-on training.</summary>
    Training = 1,
}

/// <summary>A state invited to a session, and whether it came.</summary>
public sealed class SessionInvitee
{
    public Guid SessionId { get; init; }

    /// <summary>Alpha-2 code.</summary>
    public required string StateCode { get; init; }

    public bool Attended { get; set; }
}

/// <summary>A webinar or training of the campaign: its date, the states invited and which of them attended.</summary>
public sealed class SocialisationSession
{
    public const int TitleMax = 200;

    public Guid Id { get; init; }

    public string Title { get; private set; } = string.Empty;

    public SessionKind Kind { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<SessionInvitee> Invitees { get; init; } = [];

    /// <summary>How many invited states attended.</summary>
    public int AttendanceCount => Invitees.Count(i => i.Attended);

    /// <summary>Plans a session for the <paramref name="states"/> invited, or says what is wrong.</summary>
    public static (SocialisationSession? Session, IReadOnlyList<FollowUpError> Errors) Plan(Guid id, string? title, SessionKind kind, DateOnly heldOn, IEnumerable<string> states, DateTimeOffset at)
    {
        var errors = new List<FollowUpError>();
        var name = title?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(FollowUpError.Required("title"));
        }
        else if (name.Length > TitleMax)
        {
            errors.Add(FollowUpError.TooLong("title"));
        }

        var invited = states.Select(s => s.Trim().ToUpperInvariant()).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (invited.Count == 0)
        {
            errors.Add(FollowUpError.Required("states"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var session = new SocialisationSession { Id = id, Title = name, Kind = kind, HeldOn = heldOn, CreatedAt = at };
        session.Invitees.AddRange(invited.Select(s => new SessionInvitee { SessionId = id, StateCode = s }));
        return (session, errors);
    }

    /// <summary>Records who attended: exactly the <paramref name="attended"/> states, all of which must have been invited.</summary>
    public FollowUpError? RecordAttendance(IEnumerable<string> attended)
    {
        var present = attended.Select(s => s.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (present.Any(s => Invitees.All(i => i.StateCode != s)))
        {
            return FollowUpError.NotInvited;
        }

        foreach (var invitee in Invitees)
        {
            invitee.Attended = present.Contains(invitee.StateCode);
        }

        return null;
    }
}
