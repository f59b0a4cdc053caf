using System.Globalization;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Features.Communications;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>An audience's description and key message, four languages each.</summary>
public sealed class MessageForm
{
    public string? DescriptionEs { get; set; }

    public string? DescriptionEn { get; set; }

    public string? DescriptionPt { get; set; }

    public string? DescriptionFr { get; set; }

    public string? MessageEs { get; set; }

    public string? MessageEn { get; set; }

    public string? MessagePt { get; set; }

    public string? MessageFr { get; set; }

    public AudienceMessageInput ToInput() =>
        new(new TextInput(DescriptionEs, DescriptionEn, DescriptionPt, DescriptionFr), new TextInput(MessageEs, MessageEn, MessagePt, MessageFr));

    public static MessageForm From(AudienceMessage item) => new()
    {
        DescriptionEs = item.Description.Es,
        DescriptionEn = item.Description.En,
        DescriptionPt = item.Description.Pt,
        DescriptionFr = item.Description.Fr,
        MessageEs = item.Message.Es,
        MessageEn = item.Message.En,
        MessagePt = item.Message.Pt,
        MessageFr = item.Message.Fr,
    };
}

/// <summary>A channel's fields; audiences by key.</summary>
public sealed class ChannelForm
{
    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? Address { get; set; }

    public List<string> Audiences { get; set; } = [];

    public bool Active { get; set; } = true;

    public ChannelInput ToInput() => new(Kind, Name, Address, Audiences, Active);

    public static ChannelForm From(Channel item) => new()
    {
        Kind = CommunicationNames.Key(item.Kind),
        Name = item.Name,
        Address = item.Address,
        Audiences = item.Audiences.Select(AudienceNames.Key).ToList(),
        Active = item.Active,
    };
}

/// <summary>What the item and piece forms share: the channel and the planned date.</summary>
public interface IPlanEntryForm
{
    Guid? ChannelId { get; }

    DateOnly? PlannedOn { get; set; }
}

/// <summary>A plan item's fields; the message's four languages are left empty for the audience's key message.</summary>
public sealed class ItemForm : IPlanEntryForm
{
    public string? Audience { get; set; }

    public Guid? ChannelId { get; set; }

    public DateOnly? PlannedOn { get; set; }

    public string? Status { get; set; } = "planned";

    public string? Owner { get; set; }

    public string? MessageEs { get; set; }

    public string? MessageEn { get; set; }

    public string? MessagePt { get; set; }

    public string? MessageFr { get; set; }

    public PlanItemInput ToInput() => new(Audience, ChannelId, new TextInput(MessageEs, MessageEn, MessagePt, MessageFr), PlannedOn, Status, Owner);

    public static ItemForm From(PlanItem item) => new()
    {
        Audience = AudienceNames.Key(item.Audience),
        ChannelId = item.ChannelId,
        PlannedOn = item.PlannedOn,
        Status = CommunicationNames.Key(item.Status),
        Owner = item.Owner,
        MessageEs = item.Message.Es,
        MessageEn = item.Message.En,
        MessagePt = item.Message.Pt,
        MessageFr = item.Message.Fr,
    };
}

/// <summary>A content piece's fields: an internal link by id, or an external address.</summary>
public sealed class PieceForm : IPlanEntryForm
{
    public string? Kind { get; set; }

    public string? Title { get; set; }

    public Guid? InternalId { get; set; }

    public string? ExternalUrl { get; set; }

    public List<string> Audiences { get; set; } = [];

    public Guid? ChannelId { get; set; }

    public DateOnly? PlannedOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public string? Status { get; set; } = "planned";

    public ContentPieceInput ToInput() => new(Kind, Title, InternalId, ExternalUrl, Audiences, ChannelId, PlannedOn, PublishedOn, Status);

    public static PieceForm From(ContentPiece item) => new()
    {
        Kind = CommunicationNames.Key(item.Kind),
        Title = item.Title,
        InternalId = item.InternalId,
        ExternalUrl = item.ExternalUrl,
        Audiences = item.Audiences.Select(AudienceNames.Key).ToList(),
        ChannelId = item.ChannelId,
        PlannedOn = item.PlannedOn,
        PublishedOn = item.PublishedOn,
        Status = CommunicationNames.Key(item.Status),
    };
}

public static class CommunicationForms
{
    /// <summary>The form field an error belongs to: "message.es" → "Form.MessageEs", "plannedOn" → "Form.PlannedOn".</summary>
    public static string FieldOf(string field) =>
        "Form." + string.Concat(field.Split('.').Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));

    /// <summary>Puts each error on its field, in the reader's language.</summary>
    public static void AddErrors(ModelStateDictionary state, IStringLocalizer text, IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            state.AddModelError(FieldOf(error.Field), Problems.Message(text, error));
        }
    }
}

/// <summary>The audience checkboxes: which are ticked, and the field's error.</summary>
public sealed record AudienceChecks(IReadOnlyCollection<string> Selected, string? Error);
