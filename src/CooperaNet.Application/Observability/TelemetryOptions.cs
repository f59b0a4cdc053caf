using System.ComponentModel.DataAnnotations;

namespace CooperaNet.Application.Observability;

/// <summary>Where telemetry goes and how often the queues are counted. Section "CooperaNet:Telemetry".</summary>
public sealed class TelemetryOptions
{
    public const string Section = "CooperaNet:Telemetry";

    /// <summary>
    /// An OpenTelemetry collector (http://collector:4317). Traces, metrics and logs are exported over
    /// OTLP only when this or the standard OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise nothing leaves.
    /// </summary>
    [Url]
    public string? OtlpEndpoint { get; set; }

    /// <summary>"Grpc" (port 4317) or "HttpProtobuf" (port 4318) for <see cref="OtlpEndpoint"/>.</summary>
    public OtlpProtocol OtlpProtocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>The service name collectors show; OTEL_SERVICE_NAME wins when set.</summary>
    [Required]
    public string ServiceName { get; set; } = "cooperanet";

    /// <summary>
    /// How long one count of the queues (matching requests, outbox) is reused by the gauges and the
    /// readiness check, so that frequent scrapes and probes cost the database one query every few seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan QueueReadInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The two OTLP transports.</summary>
public enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}
