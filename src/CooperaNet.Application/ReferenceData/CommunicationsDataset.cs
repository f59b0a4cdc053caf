using System.Text.Json;
using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Communications;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.ReferenceData;

/// <summary>
/// The key message of each audience and the platform's own channels (website, newsletter, events calendar),
/// drawn from the work plan's para 69 and action 2. Only what is missing is added: the secretariat's edits
/// are never overwritten, and channels are matched by name.
/// </summary>
internal sealed class CommunicationsDataset : IReferenceDataset
{
    public string Name => "communications";

    public IReadOnlyList<string> Files { get; } = ["communications.json"];

    public async Task<int> ApplyAsync(CooperaNetDbContext db, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(ReferenceFiles.Read("communications.json"));
        // The shipped text is the work plan's, dated as the document (AICD/JD/doc.210/23, 19 May 2023).
        var now = new DateTimeOffset(2023, 5, 19, 0, 0, 0, TimeSpan.Zero);
        var existing = await db.AudienceMessages.Select(m => m.Audience).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var item in json.RootElement.GetProperty("audiences").EnumerateArray())
        {
            var audience = AudienceNames.Parse(item.GetProperty("audience").GetString()) ?? throw new InvalidDataException("Unknown audience in communications.json.");
            count++;
            if (!existing.Contains(audience))
            {
                db.AudienceMessages.Add(new AudienceMessage { Audience = audience, Description = Text(item.GetProperty("description")), Message = Text(item.GetProperty("message")), UpdatedAt = now });
            }
        }

        var names = await db.CommunicationChannels.Select(c => c.Name).ToListAsync(cancellationToken);
        foreach (var item in json.RootElement.GetProperty("channels").EnumerateArray())
        {
            var name = item.GetProperty("name").GetString()!;
            count++;
            if (!names.Contains(name))
            {
                db.CommunicationChannels.Add(new Channel
                {
                    Id = Guid.NewGuid(),
                    Kind = Enum.Parse<ChannelKind>(item.GetProperty("kind").GetString()!, ignoreCase: true),
                    Name = name,
                    Address = item.GetProperty("address").GetString()!,
                    Audiences = item.GetProperty("audiences").EnumerateArray().Select(a => AudienceNames.Parse(a.GetString())!.Value).ToList(),
                    UpdatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    private static LocalizedText Text(JsonElement text) =>
        LocalizedText.Of(text.GetProperty("es").GetString(), text.GetProperty("en").GetString(), text.GetProperty("pt").GetString(), text.GetProperty("fr").GetString());
}
