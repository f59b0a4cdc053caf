using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Resilience;

/// <summary>The mail server away for a while: the outbox keeps the mail, waits longer each time, and sends each message once when the server is back.</summary>
public sealed class MailOutageTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mail_stays_in_the_outbox_while_the_server_refuses_and_goes_once_when_it_is_back()
    {
        await using var smtp = new FlakySmtpServer(failures: 3);
        using var host = Host(smtp);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var ids = await QueueAsync(host, 3);

        var waits = new List<TimeSpan>();
        for (var failure = 1; failure <= 3; failure++)
        {
            Assert.Equal(0, await dispatcher.DispatchOnceAsync(Ct));
            await using var db = NewDb(host);
            var messages = await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(Ct);
            Assert.All(messages, m => Assert.Equal((failure, (DateTimeOffset?)null), (m.Attempts, m.SentAt)));
            waits.Add(messages[0].LockedUntil!.Value - TimeProvider.System.GetUtcNow());

            // Nothing is tried again before its time...
            Assert.Equal(0, await dispatcher.DispatchOnceAsync(Ct));
            Assert.Equal(failure, smtp.Connections);

            // ...which the test brings forward instead of waiting.
            await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, TimeProvider.System.GetUtcNow().AddSeconds(-1)), Ct);
        }

        Assert.True(waits[0] > TimeSpan.FromSeconds(50) && waits[1] > waits[0] + TimeSpan.FromSeconds(50) && waits[2] > waits[1] + TimeSpan.FromSeconds(100), string.Join(", ", waits));

        Assert.Equal(3, await dispatcher.DispatchOnceAsync(Ct));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(Ct));

        await using var check = NewDb(host);
        Assert.Equal(3, await check.Outbox.CountAsync(m => ids.Contains(m.Id) && m.SentAt != null && m.LastError == null, Ct));
        Assert.Equal(ids.Select(id => $"<{id:N}@cooperanet>").Order(), smtp.MessageIds.Order());
    }

    [Fact]
    public async Task A_long_relay_outage_never_uses_up_a_messages_last_attempt()
    {
        await using var smtp = new FlakySmtpServer(failures: 2);
        using var host = Host(smtp);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var id = (await QueueAsync(host, 1)).Single();
        await using (var db = NewDb(host))
        {
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, OutboxDispatcher.MaxAttempts - 1), Ct);
        }

        for (var failure = 1; failure <= 2; failure++)
        {
            Assert.Equal(0, await dispatcher.DispatchOnceAsync(Ct));
            await using var db = NewDb(host);
            Assert.Equal(OutboxDispatcher.MaxAttempts - 1, (await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, Ct)).Attempts);
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, TimeProvider.System.GetUtcNow().AddSeconds(-1)), Ct);
        }

        Assert.Equal(1, await dispatcher.DispatchOnceAsync(Ct));
        Assert.Equal([$"<{id:N}@cooperanet>"], smtp.MessageIds);
    }

    private WebApplicationFactory<Program> Host(FlakySmtpServer smtp) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("CooperaNet:Email:PollInterval", "1.00:00:00");
            builder.UseSetting("CooperaNet:Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("CooperaNet:Email:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("CooperaNet:Email:Smtp:UseStartTls", "false");
        });

    private static CooperaNetDbContext NewDb(WebApplicationFactory<Program> host) =>
        host.Services.CreateScope().ServiceProvider.GetRequiredService<CooperaNetDbContext>();

    private static async Task<List<Guid>> QueueAsync(WebApplicationFactory<Program> host, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        var ids = Enumerable.Range(1, count).Select(i => outbox.Enqueue($"person{i}@example.org", $"Message {i}", "Body.").Id).ToList();
        await scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>().SaveChangesAsync(Ct);
        return ids;
    }

    /// <summary>
    /// A minimal SMTP server on loopback: the first <c>failures</c> connections are turned away with
    /// 421 (a relay that is down), then it accepts mail and keeps each message's Message-ID.
    /// </summary>
    private sealed class FlakySmtpServer : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly Task serving;
        private readonly int failures;
        private int connections;

        public FlakySmtpServer(int failures)
        {
            this.failures = failures;
            listener.Start();
            serving = ServeAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref connections);

        public ConcurrentBag<string> MessageIds { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            listener.Stop();
            try
            {
                await serving;
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }

            stop.Dispose();
        }

        private async Task ServeAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                var number = Interlocked.Increment(ref connections);
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                if (number <= failures)
                {
                    await writer.WriteLineAsync("421 localhost Service not available, try again later");
                    continue;
                }

                await ConverseAsync(reader, writer);
            }
        }

        private async Task ConverseAsync(StreamReader reader, StreamWriter writer)
        {
            await writer.WriteLineAsync("220 localhost ESMTP");
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                        {
                            if (data.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
                            {
                                MessageIds.Add(data["Message-Id:".Length..].Trim());
                            }
                        }

                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }
}
