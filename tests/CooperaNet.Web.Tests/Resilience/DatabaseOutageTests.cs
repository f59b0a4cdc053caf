using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CooperaNet.Web.Tests.Resilience;

/// <summary>
/// The database goes away under a running app: API reads and pages answer 503 with Retry-After in the
/// caller's language, then work again by themselves once it is back. On PostgreSQL the app reaches the
/// server through a TCP relay that the test cuts (connections refused, open ones dropped); on SQLite the
/// database's folder is moved away.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.Factory factory) : IClassFixture<DatabaseOutageTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_get_a_localized_503_while_the_database_is_down_and_work_again_when_it_is_back()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/events", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fr/events", Ct)).StatusCode);

        await factory.TakeDownAsync();
        try
        {
            using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
            api.Headers.AcceptLanguage.ParseAdd("pt");
            using var apiDown = await client.SendAsync(api, Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, apiDown.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseFaults.RetryAfterSeconds), apiDown.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", apiDown.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await apiDown.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal("Serviço temporariamente indisponível", problem.GetProperty("title").GetString());

            using var pageDown = await client.GetAsync("/fr/events", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, pageDown.StatusCode);
            Assert.NotNull(pageDown.Headers.RetryAfter);
            var page = await AccountClient.TextAsync(pageDown);
            Assert.Contains("<h1>Service momentanément indisponible</h1>", page);
            Assert.Contains("lang=\"fr\"", page);
        }
        finally
        {
            await factory.BringBackAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/events", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fr/events", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, true)]
    [InlineData(19, false)]
    [InlineData(1, false)]
    public void Sqlite_busy_and_locked_are_unavailability_constraint_and_sql_errors_are_not(int code, bool unavailable)
    {
        var error = new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", new SqliteException("sqlite", code));

        Assert.Equal(unavailable, DatabaseFaults.IsUnavailable(error));
    }

    /// <summary>The application, reaching PostgreSQL through a relay the test can cut.</summary>
    public sealed class Factory : CooperaNetFactory
    {
        private readonly Relay? relay;

        public Factory()
        {
            if (Database.ConnectionString is not null)
            {
                var target = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
                relay = new Relay(target.Host!, target.Port);
            }
        }

        public async Task TakeDownAsync()
        {
            if (relay is not null)
            {
                relay.Stop();
                NpgsqlConnection.ClearAllPools();
                return;
            }

            SqliteConnection.ClearAllPools();
            Directory.Move(Database.Folder, Database.Folder + ".away");
            await Task.CompletedTask;
        }

        public async Task BringBackAsync()
        {
            if (relay is not null)
            {
                relay.Start();
                return;
            }

            Directory.Move(Database.Folder + ".away", Database.Folder);
            await Task.CompletedTask;
        }

        public override async ValueTask DisposeAsync()
        {
            relay?.Dispose();
            await base.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (relay is not null)
            {
                builder.UseSetting("CooperaNet:Database:ConnectionString", new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port }.ToString());
            }
        }
    }

    /// <summary>A TCP relay on loopback; stopped, it refuses new connections and drops the open ones, as a restarting server does.</summary>
    private sealed class Relay : IDisposable
    {
        private readonly string targetHost;
        private readonly int targetPort;
        private readonly List<Socket> open = [];
        private TcpListener listener;

        public Relay(string targetHost, int targetPort)
        {
            this.targetHost = targetHost;
            this.targetPort = targetPort;
            listener = new TcpListener(IPAddress.Loopback, 0);
            Listen();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public int Port { get; }

        public void Start()
        {
            listener = new TcpListener(IPAddress.Loopback, Port);
            Listen();
        }

        public void Stop()
        {
            listener.Stop();
            lock (open)
            {
                foreach (var socket in open)
                {
                    socket.Close();
                }

                open.Clear();
            }
        }

        public void Dispose() => Stop();

        private void Listen()
        {
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _ = AcceptAsync(listener);
        }

        private async Task AcceptAsync(TcpListener current)
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = await current.AcceptSocketAsync();
                }
                catch (Exception error) when (error is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await server.ConnectAsync(targetHost, targetPort);
                lock (open)
                {
                    open.Add(client);
                    open.Add(server);
                }

                _ = PumpAsync(client, server);
                _ = PumpAsync(server, client);
            }
        }

        private static async Task PumpAsync(Socket from, Socket to)
        {
            var buffer = new byte[16384];
            try
            {
                int read;
                while ((read = await from.ReceiveAsync(buffer)) > 0)
                {
                    await to.SendAsync(buffer.AsMemory(0, read));
                }
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                // The relay was cut.
            }

            from.Close();
            to.Close();
        }
    }
}
