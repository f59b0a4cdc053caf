using CooperaNet.Application.Catalog;
using CooperaNet.Domain;
using CooperaNet.Domain.Communications;

namespace CooperaNet.Application.Communications;

/// <summary>A text in the four languages as typed.</summary>
public sealed record TextInput(string? Es, string? En, string? Pt, string? Fr)
{
    public LocalizedText ToText() => LocalizedText.Of(Es, En, Pt, Fr);

    public bool IsEmpty => new[] { Es, En, Pt, Fr }.All(string.IsNullOrWhiteSpace);

    public static TextInput Of(LocalizedText text) => new(text.Es, text.En, text.Pt, text.Fr);

    /// <summary>Each language present and at most <paramref name="max"/> characters; errors on "field.es"...</summary>
    public void Validate(List<FieldError> errors, string field, int max)
    {
        foreach (var (language, value) in new[] { ("es", Es), ("en", En), ("pt", Pt), ("fr", Fr) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new FieldError($"{field}.{language}", "communications.required"));
            }
            else if (value.Trim().Length > max)
            {
                errors.Add(new FieldError($"{field}.{language}", "communications.too-long", max));
            }
        }
    }
}

/// <summary>An audience's description and key message.</summary>
public sealed record AudienceMessageInput(TextInput? Description, TextInput? Message)
{
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        (Description ?? Empty).Validate(errors, "description", CommunicationRules.DescriptionMax);
        (Message ?? Empty).Validate(errors, "message", CommunicationRules.MessageMax);
        return errors;
    }

    internal static readonly TextInput Empty = new(null, null, null, null);
}

/// <summary>A channel as the secretariat writes it; audiences by key ("focal-points").</summary>
public sealed record ChannelInput(string? Kind, string? Name, string? Address, IReadOnlyList<string>? Audiences, bool? Active)
{
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Inputs.Parse<ChannelKind>(Kind) is null)
        {
            errors.Add(new FieldError("kind", "communications.kind"));
        }

        Inputs.Text(errors, "name", Name, CommunicationRules.NameMax);
        if (!CommunicationRules.IsAddress(Address?.Trim()) || Address!.Trim().Length > CommunicationRules.AddressMax)
        {
            errors.Add(new FieldError("address", "communications.address"));
        }

        Inputs.Audiences(errors, "audiences", Audiences);
        return errors;
    }

    public void ApplyTo(Channel target, DateTimeOffset at)
    {
        target.Kind = Inputs.Parse<ChannelKind>(Kind)!.Value;
        target.Name = Name!.Trim();
        target.Address = Address!.Trim();
        target.Audiences = Inputs.ParseAudiences(Audiences);
        target.Active = Active ?? true;
        target.UpdatedAt = at;
    }
}

/// <summary>
/// A line of the plan: the audience's key message (no message given) or a specific one in four languages,
/// through a channel, on a day of the semester.
/// </summary>
public sealed record PlanItemInput(string? Audience, Guid? ChannelId, TextInput? Message, DateOnly? PlannedOn, string? Status, string? Owner)
{
    public List<FieldError> Validate(CommunicationPlan plan)
    {
        var errors = new List<FieldError>();
        if (AudienceNames.Parse(Audience) is null)
        {
            errors.Add(new FieldError("audience", "communications.audience"));
        }

        if (ChannelId is null)
        {
            errors.Add(new FieldError("channelId", "communications.channel"));
        }

        if (Message is { IsEmpty: false } message)
        {
            message.Validate(errors, "message", CommunicationRules.MessageMax);
        }

        Inputs.Day(errors, "plannedOn", PlannedOn, plan);
        if (Inputs.Parse<PlanStatus>(Status ?? "planned") is null)
        {
            errors.Add(new FieldError("status", "communications.status"));
        }

        Inputs.Text(errors, "owner", Owner, CommunicationRules.OwnerMax);
        return errors;
    }

    public void ApplyTo(PlanItem target, DateTimeOffset at)
    {
        target.Audience = AudienceNames.Parse(Audience)!.Value;
        target.ChannelId = ChannelId!.Value;
        target.Message = Message is { IsEmpty: false } message ? message.ToText() : new LocalizedText();
        target.PlannedOn = PlannedOn!.Value;
        target.Status = Inputs.Parse<PlanStatus>(Status ?? "planned")!.Value;
        target.Owner = Owner!.Trim();
        target.UpdatedAt = at;
    }
}

/// <summary>
/// A content piece: linked to the platform's experience, report or event by <see cref="InternalId"/>, or to
/// an external web address; planned (and published) within the semester.
/// </summary>
public sealed record ContentPieceInput(
    string? Kind,
    string? Title,
    Guid? InternalId,
    string? ExternalUrl,
    IReadOnlyList<string>? Audiences,
    Guid? ChannelId,
    DateOnly? PlannedOn,
    DateOnly? PublishedOn,
    string? Status)
{
    public List<FieldError> Validate(CommunicationPlan plan)
    {
        var errors = new List<FieldError>();
        var kind = Inputs.Parse<ContentKind>(Kind);
        if (kind is null)
        {
            errors.Add(new FieldError("kind", "communications.kind"));
        }

        Inputs.Text(errors, "title", Title, CommunicationRules.TitleMax);
        var external = !string.IsNullOrWhiteSpace(ExternalUrl);
        if (external == (InternalId is not null))
        {
            errors.Add(new FieldError("externalUrl", "communications.link"));
        }
        else if (external && (!CommunicationRules.IsWebAddress(ExternalUrl!.Trim()) || ExternalUrl.Trim().Length > CommunicationRules.AddressMax))
        {
            errors.Add(new FieldError("externalUrl", "communications.url"));
        }
        else if (!external && kind is not (ContentKind.Experience or ContentKind.Report or ContentKind.Event))
        {
            errors.Add(new FieldError("internalId", "communications.internal-kind"));
        }

        Inputs.Audiences(errors, "audiences", Audiences);
        if (ChannelId is null)
        {
            errors.Add(new FieldError("channelId", "communications.channel"));
        }

        Inputs.Day(errors, "plannedOn", PlannedOn, plan);
        var status = Inputs.Parse<PlanStatus>(Status ?? "planned");
        if (status is null)
        {
            errors.Add(new FieldError("status", "communications.status"));
        }

        if (PublishedOn is { } published && !plan.Covers(published))
        {
            errors.Add(new FieldError("publishedOn", "communications.outside-semester", plan.Start, plan.End));
        }
        else if (status == PlanStatus.Done && PublishedOn is null)
        {
            errors.Add(new FieldError("publishedOn", "communications.published-on"));
        }

        return errors;
    }

    public void ApplyTo(ContentPiece target, DateTimeOffset at)
    {
        var external = !string.IsNullOrWhiteSpace(ExternalUrl);
        target.Kind = Inputs.Parse<ContentKind>(Kind)!.Value;
        target.Title = Title!.Trim();
        target.ExternalUrl = external ? ExternalUrl!.Trim() : null;
        target.InternalId = external ? null : InternalId;
        target.Audiences = Inputs.ParseAudiences(Audiences);
        target.ChannelId = ChannelId!.Value;
        target.PlannedOn = PlannedOn!.Value;
        target.PublishedOn = PublishedOn;
        target.Status = Inputs.Parse<PlanStatus>(Status ?? "planned")!.Value;
        target.UpdatedAt = at;
    }
}

internal static class Inputs
{
    /// <summary>The enum member named like <paramref name="value"/> ("social-media", "socialmedia", "SocialMedia"), or null.</summary>
    public static T? Parse<T>(string? value)
        where T : struct, Enum =>
        value is { Length: > 0 } && !value.Any(char.IsDigit) && Enum.TryParse<T>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;

    public static void Text(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "communications.required"));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "communications.too-long", max));
        }
    }

    public static void Audiences(List<FieldError> errors, string field, IReadOnlyList<string>? keys)
    {
        if (keys is not { Count: > 0 } || keys.Any(k => AudienceNames.Parse(k) is null))
        {
            errors.Add(new FieldError(field, "communications.audiences"));
        }
    }

    public static List<Audience> ParseAudiences(IReadOnlyList<string>? keys) =>
        (keys ?? []).Select(k => AudienceNames.Parse(k)!.Value).Distinct().Order().ToList();

    public static void Day(List<FieldError> errors, string field, DateOnly? day, CommunicationPlan plan)
    {
        if (day is null)
        {
            errors.Add(new FieldError(field, "communications.date"));
        }
        else if (!plan.Covers(day.Value))
        {
            errors.Add(new FieldError(field, "communications.outside-semester", plan.Start, plan.End));
        }
    }
}
