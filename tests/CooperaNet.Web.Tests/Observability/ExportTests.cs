using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CooperaNet.Application.Observability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CooperaNet.Web.Tests.Observability;

/// <summary>Telemetry leaves the process over OTLP when, and only when, an endpoint is configured; production logs are JSON with their scopes.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class ExportTests(ObservabilityFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Without_an_endpoint_nothing_is_exported()
    {
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_in_production_traces_and_metrics_go_to_the_collector_and_logs_are_json()
    {
        using var collector = new FakeCollector();
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var host = factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("CooperaNet:Telemetry:OtlpEndpoint", collector.Address);
            builder.UseSetting("CooperaNet:Telemetry:OtlpProtocol", "HttpProtobuf");
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            });
        });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/en/", Ct);
        var requestId = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        // The client has the response a moment before the server's span ends; flushing earlier would miss it.
        var server = await SpanAsync(spans, requestId);
        Assert.Equal("GET", server.GetTagItem("http.request.method"));
        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var names = metrics.Select(m => m.Name).ToHashSet();
        Assert.Contains("http.server.request.duration", names);
        Assert.Contains("cooperanet.outbox.backlog", names);
        Assert.Contains("cooperanet.matching.queue.length", names);
        Assert.Contains("/v1/traces", collector.Paths);
        Assert.Contains("/v1/metrics", collector.Paths);

        var console = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.True(host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
    }

    private static async Task<Activity> SpanAsync(List<Activity> spans, string traceId)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (spans)
            {
                if (spans.FirstOrDefault(span => span.TraceId.ToHexString() == traceId && span.Kind == ActivityKind.Server) is { } found)
                {
                    return found;
                }
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>An OTLP/HTTP receiver on a loopback port that accepts everything and remembers where it was sent.</summary>
    private sealed class FakeCollector : IDisposable
    {
        private readonly HttpListener listener = new();

        private readonly ConcurrentQueue<string> paths = new();

        public FakeCollector()
        {
            Address = $"http://127.0.0.1:{FreePort()}/";
            listener.Prefixes.Add(Address);
            listener.Start();
            _ = Task.Run(ReceiveAsync);
        }

        public string Address { get; }

        public IReadOnlyCollection<string> Paths => [.. paths];

        public void Dispose() => listener.Close();

        private async Task ReceiveAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                paths.Enqueue(context.Request.Url!.AbsolutePath);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
