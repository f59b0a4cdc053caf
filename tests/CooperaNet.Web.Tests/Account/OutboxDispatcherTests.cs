using System.Net;
using System.Net.Sockets;
using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Account;

/// <summary>
/// The dispatcher driven by hand: the host's own polling is slowed to once a day, so each test
/// decides when a round runs.
/// </summary>
public sealed class OutboxDispatcherTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_dispatchers_running_at_once_send_each_message_exactly_once()
    {
        using var host = Host();
        var ids = await QueueAsync(host, 45);
        var first = host.Services.GetRequiredService<OutboxDispatcher>();
        using var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(host.Services);
        Assert.NotEqual(first.InstanceId, second.InstanceId);

        var sent = 0;
        for (var round = 0; round < 10; round++)
        {
            var counts = await Task.WhenAll(first.DispatchOnceAsync(Cancel), second.DispatchOnceAsync(Cancel));
            sent += counts.Sum();
            if (counts.Sum() == 0)
            {
                break;
            }
        }

        Assert.Equal(45, sent);
        await using var db = NewDb(host);
        Assert.Equal(45, await db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.SentAt != null && m.Attempts == 0, Cancel));
        Assert.All(ids, id => Assert.True(File.Exists(Path.Combine(factory.Database.Folder, "mail", $"{id}.eml"))));
    }

    [Fact]
    public async Task Failed_delivery_is_counted_kept_without_the_body_and_retried_later()
    {
        using var host = Host(("CooperaNet:Email:Smtp:Host", "127.0.0.1"), ("CooperaNet:Email:Smtp:Port", ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var id = (await QueueAsync(host, 1)).Single();

        Assert.Equal(0, await dispatcher.DispatchOnceAsync(Cancel));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(Cancel));

        await using var db = NewDb(host);
        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, Cancel);
        Assert.Null(message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.False(string.IsNullOrEmpty(message.LastError));
        Assert.DoesNotContain("secret body", message.LastError);
        Assert.Null(message.LockedBy);
        Assert.True(message.LockedUntil > TimeProvider.System.GetUtcNow(), "A failed message waits before its next attempt.");
    }

    [Fact]
    public async Task Claims_of_another_instance_are_respected_until_they_expire()
    {
        using var host = Host();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var ids = await QueueAsync(host, 3);
        var now = TimeProvider.System.GetUtcNow();
        await using (var db = NewDb(host))
        {
            await db.Outbox.Where(m => m.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, Guid.NewGuid()).SetProperty(m => m.LockedUntil, now.AddMinutes(1)), Cancel);
            await db.Outbox.Where(m => m.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, Guid.NewGuid()).SetProperty(m => m.LockedUntil, now.AddMinutes(-1)), Cancel);
            await db.Outbox.Where(m => m.Id == ids[2]).ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, OutboxDispatcher.MaxAttempts), Cancel);
        }

        Assert.Equal(1, await dispatcher.DispatchOnceAsync(Cancel));

        await using var check = NewDb(host);
        var sent = await check.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.SentAt != null).Select(m => m.Id).ToListAsync(Cancel);
        Assert.Equal([ids[1]], sent);
    }

    [Fact]
    public async Task Application_does_not_start_without_a_sender_address()
    {
        using var host = Host(("CooperaNet:Email:From", "not an address"));

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("CooperaNet:Email:From", error.ToString());
    }

    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("CooperaNet:Email:PollInterval", "1.00:00:00");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    private static CooperaNetDbContext NewDb(WebApplicationFactory<Program> host) =>
        host.Services.CreateScope().ServiceProvider.GetRequiredService<CooperaNetDbContext>();

    private static async Task<List<Guid>> QueueAsync(WebApplicationFactory<Program> host, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        var ids = Enumerable.Range(1, count)
            .Select(i => outbox.Enqueue($"person{i}@example.org", $"Message {i}", "A secret body that must not reach the logs.").Id)
            .ToList();
        await scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>().SaveChangesAsync(Cancel);
        return ids;
    }

    /// <summary>A loopback port nothing listens on, so connecting is refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
