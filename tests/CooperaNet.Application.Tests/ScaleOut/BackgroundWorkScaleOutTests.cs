using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using CooperaNet.Application.Interop.OpenData;
using CooperaNet.Application.Tests.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Tests.ScaleOut;

/// <summary>
/// Two app instances (two service providers) on one database competing for the same background work, as
/// two processes behind the reverse proxy do. On PostgreSQL when COOPERANET_TEST_POSTGRES is set.
/// </summary>
public sealed class BackgroundWorkScaleOutTests : IAsyncLifetime
{
    private DataHost host = null!;
    private ServiceProvider first = null!;
    private ServiceProvider second = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await DataHost.StartAsync();
        first = host.StartInstance();
        second = host.StartInstance();
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Two_instances_dispatching_the_outbox_at_once_send_each_message_exactly_once()
    {
        var ids = await first.WithDbAsync(async db =>
        {
            var outbox = new EmailOutbox(db, host.Clock);
            var queued = Enumerable.Range(1, 60).Select(i => outbox.Enqueue($"person{i}@example.org", $"Message {i}", "Body").Id).ToList();
            await db.SaveChangesAsync(Ct);
            return queued;
        });
        var folders = new[] { Directory.CreateTempSubdirectory("cooperanet-mail-a-").FullName, Directory.CreateTempSubdirectory("cooperanet-mail-b-").FullName };
        using var a = Dispatcher(first, folders[0]);
        using var b = Dispatcher(second, folders[1]);
        try
        {
            // Each round on its own thread, as two processes would run them: SQLite's calls complete
            // synchronously, so awaiting both on one thread would run them one after the other.
            var sent = new List<int>();
            int[] round;
            do
            {
                round = await Task.WhenAll(Task.Run(() => a.DispatchOnceAsync(Ct), Ct), Task.Run(() => b.DispatchOnceAsync(Ct), Ct));
                sent.AddRange(round);
            }
            while (round.Sum() > 0);

            Assert.Equal(ids.Count, sent.Sum());
            var written = folders.SelectMany(f => Directory.GetFiles(f, "*.eml")).Select(Path.GetFileNameWithoutExtension).ToList();
            Assert.Equal(ids.Select(id => id.ToString()).Order(), written.Order());
            var rows = await first.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(Ct));
            Assert.All(rows, m => Assert.True(m.SentAt is not null && m.Attempts == 0 && m.LastError is null, $"{m.Id} sent {m.SentAt}, attempts {m.Attempts}"));
            Assert.All(rows, m => Assert.Contains(m.LockedBy, new Guid?[] { a.InstanceId, b.InstanceId }));
        }
        finally
        {
            foreach (var folder in folders)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task An_instance_sharing_the_open_data_folder_serves_the_files_another_built_without_building_them_again()
    {
        var built = await first.GetRequiredService<OpenDataFiles>().CurrentAsync(Ct);

        Assert.False(await second.GetRequiredService<OpenDataFiles>().RefreshIfStaleAsync(Ct));
        var served = await second.GetRequiredService<OpenDataFiles>().CurrentAsync(Ct);
        Assert.Equal(built.Package, served.Package);
    }

    [Fact]
    public async Task Files_another_instance_rebuilt_are_served_with_their_own_entity_tag()
    {
        // Both instances found no files at start and built them: the second one's replace the first one's.
        var before = await first.GetRequiredService<OpenDataFiles>().CurrentAsync(Ct);
        File.Delete(before.Package.Path);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await second.GetRequiredService<OpenDataFiles>().RefreshIfStaleAsync(Ct));
        var rebuilt = await second.GetRequiredService<OpenDataFiles>().CurrentAsync(Ct);

        var served = await first.GetRequiredService<OpenDataFiles>().CurrentAsync(Ct);

        Assert.NotEqual(before.Package.LastModified, rebuilt.Package.LastModified);
        Assert.Equal(rebuilt.Package, served.Package);
    }

    private OutboxDispatcher Dispatcher(IServiceProvider instance, string pickup) => new(
        instance.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new EmailOptions { From = "CooperaNet <no-reply@example.org>", PickupDirectory = pickup }),
        new Environment(pickup),
        host.Clock,
        instance.GetRequiredService<CooperaNet.Application.Observability.PlatformTelemetry>(),
        NullLogger<OutboxDispatcher>.Instance);

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "CooperaNet.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
