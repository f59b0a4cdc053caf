using CooperaNet.Application.Data;

namespace CooperaNet.Application.Email;

/// <summary>
/// Queues e-mail in the outbox table. The caller's SaveChanges commits the message with the change
/// that caused it; <c>OutboxDispatcher</c> sends it later.
/// </summary>
public sealed class EmailOutbox(CooperaNetDbContext db, TimeProvider clock)
{
    public OutboxMessage Enqueue(string to, string subject, string textBody, string? htmlBody = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            CreatedAt = clock.GetUtcNow(),
            To = to,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            Headers = headers is { Count: > 0 } ? string.Concat(headers.Select(h => $"{h.Key}: {h.Value}\n")) : null,
        };
        db.Outbox.Add(message);
        return message;
    }
}
