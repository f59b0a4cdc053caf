using CooperaNet.Application.Data;
using CooperaNet.Application.Observability;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CooperaNet.Application.Email;

/// <summary>
/// Sends the e-mail queued in the outbox: every few seconds it claims a batch, writes each message to
/// the pickup folder or hands it to the SMTP server, and records the outcome. Several instances may
/// run against one database: a message is claimed by one instance at a time, for a limited time, so
/// a crashed instance's messages are picked up again once the claim expires.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    PlatformTelemetry telemetry,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const int BatchSize = 20;

    public const int MaxAttempts = 10;

    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    private const int MaxErrorLength = 1000;

    /// <summary>One round at a time in this instance, so a caller of <see cref="DispatchOnceAsync"/> sees the previous round finished.</summary>
    private readonly SemaphoreSlim round = new(1, 1);

    /// <summary>Identifies this instance's claims.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    /// <summary>
    /// Claims and sends one batch; returns how many messages were sent. Waits for a round already
    /// running in this instance first, so when it returns, a message queued before the call has been
    /// tried (unless more than <see cref="BatchSize"/> were waiting).
    /// </summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await round.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
            var batch = await ClaimAsync(db, cancellationToken);
            if (batch.Count == 0)
            {
                return 0;
            }

            using var activity = PlatformTelemetry.Activities.StartActivity("outbox round");
            activity?.SetTag("cooperanet.outbox.batch", batch.Count);
            var settings = options.Value;
            using var smtp = settings.UsesSmtp ? new SmtpClient() : null;
            if (smtp is not null)
            {
                try
                {
                    await ConnectAsync(smtp, settings.Smtp, cancellationToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    foreach (var message in batch)
                    {
                        await RecordFailureAsync(db, message, error, relayDown: true);
                    }

                    return 0;
                }
            }

            var sent = 0;
            foreach (var message in batch)
            {
                sent += await DeliverAsync(db, smtp, settings, message, cancellationToken) ? 1 : 0;
            }

            if (smtp is not null)
            {
                await smtp.DisconnectAsync(quit: true, cancellationToken);
            }

            return sent;
        }
        finally
        {
            round.Release();
        }
    }

    public override void Dispose()
    {
        round.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRoundFailed(logger, error.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Marks up to <see cref="BatchSize"/> messages as this instance's, then reads back the ones it got.
    /// The conditions sit on the UPDATE itself, so when two instances race for the same rows the
    /// database lets only one of them win each row.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(CooperaNetDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + ClaimDuration;
        var candidates = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now) && m.Attempts < MaxAttempts)
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        await db.Outbox
            .Where(m => candidates.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now) && m.Attempts < MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, InstanceId).SetProperty(m => m.LockedUntil, until), cancellationToken);
        // Also picks up rows this instance claimed in a round that stopped half-way.
        return await db.Outbox.AsNoTracking()
            .Where(m => m.LockedBy == InstanceId && m.LockedUntil > now && m.SentAt == null)
            .OrderBy(m => m.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    private async Task<bool> DeliverAsync(CooperaNetDbContext db, SmtpClient? smtp, EmailOptions settings, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var mime = Build(settings, message);
            if (smtp is null)
            {
                await WriteToPickupAsync(settings, mime, message.Id, cancellationToken);
            }
            else
            {
                await smtp.SendAsync(mime, cancellationToken);
            }

            var sentAt = clock.GetUtcNow();
            await db.Outbox.Where(m => m.Id == message.Id && m.LockedBy == InstanceId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, (string?)null), cancellationToken);
            telemetry.EmailSent();
            LogSent(logger, message.Id, message.Attempts + 1);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(db, message, error);
            return false;
        }
    }

    /// <summary>
    /// Counts the attempt and keeps the error's type and text (never the message's content) for the operators.
    /// A relay that cannot be reached is no fault of the message: it never uses up the message's last
    /// attempt, so the mail keeps waiting (an hour apart at most) and goes when the relay is back.
    /// </summary>
    private async Task RecordFailureAsync(CooperaNetDbContext db, OutboxMessage message, Exception error, bool relayDown = false)
    {
        var attempts = relayDown ? Math.Min(message.Attempts + 1, MaxAttempts - 1) : message.Attempts + 1;
        var retryAt = clock.GetUtcNow() + RetryDelay(attempts);
        var text = $"{error.GetType().Name}: {error.Message}";
        var lastError = text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
        await db.Outbox.Where(m => m.Id == message.Id && m.LockedBy == InstanceId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, lastError)
                    .SetProperty(m => m.LockedBy, (Guid?)null)
                    .SetProperty(m => m.LockedUntil, retryAt),
                CancellationToken.None);
        telemetry.EmailFailed();
        LogFailed(logger, message.Id, attempts, error.GetType().Name);
    }

    /// <summary>Waits longer after each failure (1, 2, 4 ... minutes, at most an hour) so a broken relay is not hammered.</summary>
    private static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(60, 1 << Math.Min(attempts - 1, 6)));

    private MimeMessage Build(EmailOptions settings, OutboxMessage message)
    {
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = clock.GetUtcNow(),
            MessageId = $"{message.Id:N}@cooperanet",
            Body = body.ToMessageBody(),
        };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        foreach (var line in (message.Headers ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            mime.Headers.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        return mime;
    }

    /// <summary>Writes to a temporary name first, so a reader of the folder never sees half a message.</summary>
    private async Task WriteToPickupAsync(EmailOptions settings, MimeMessage mime, Guid id, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.PickupDirectory));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{id}.eml");
        var partial = path + ".tmp";
        // What SmtpClient does before sending: 7-bit safe encodings, so any relay can take the file as it is.
        mime.Prepare(EncodingConstraint.SevenBit);
        await mime.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }

    private static async Task ConnectAsync(SmtpClient client, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var host = smtp.Host ?? throw new InvalidOperationException("CooperaNet:Email:Smtp:Host is not set.");
        var security = smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto;
        await client.ConnectAsync(host, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent outbox message {MessageId} (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, Guid messageId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send outbox message {MessageId} (attempt {Attempt}): {ErrorType}")]
    private static partial void LogFailed(ILogger logger, Guid messageId, int attempt, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed: {ErrorType}")]
    private static partial void LogRoundFailed(ILogger logger, string errorType);
}
