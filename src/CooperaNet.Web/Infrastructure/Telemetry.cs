using System.Diagnostics;
using System.Reflection;
using CooperaNet.Application.Observability;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// Logs, traces, metrics and readiness. Every log line of a request carries its W3C trace id, which
/// is also the request id the client sees (X-Request-Id, the error page). Traces and metrics are
/// exported over OTLP only when an endpoint is configured.
/// </summary>
public static class Telemetry
{
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>The standard OpenTelemetry variable; when set, the exporter also reads the other OTEL_EXPORTER_OTLP_* ones.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddCooperaNetTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddPlatformTelemetry(builder.Configuration);
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHealthChecks().AddCheck<JobQueueHealthCheck>(JobQueueHealthCheck.Name, tags: ["ready"]);

        // The trace id of the current activity is a scope of every line, whatever writes it (ASP.NET Core, EF Core, ours).
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var fromEnvironment = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (string.IsNullOrWhiteSpace(settings.OtlpEndpoint) && !fromEnvironment)
        {
            return builder;
        }

        var version = typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? settings.ServiceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddSource(PlatformTelemetry.Name)
                // Load balancers probe readiness every few seconds; their spans would drown the users'.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(PlatformTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("System.Runtime"));
        if (string.IsNullOrWhiteSpace(settings.OtlpEndpoint))
        {
            otel.UseOtlpExporter();
        }
        else
        {
            var protocol = settings.OtlpProtocol == OtlpProtocol.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            otel.UseOtlpExporter(protocol, new Uri(settings.OtlpEndpoint));
        }

        return builder;
    }

    /// <summary>
    /// Makes the W3C trace id the request's identifier: <see cref="HttpContext.TraceIdentifier"/>,
    /// the X-Request-Id response header (also on error responses) and so the id on the error page.
    /// A proxy that sends a traceparent header gets its own trace id back.
    /// </summary>
    public static IApplicationBuilder UseRequestId(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (Activity.Current is { } activity)
            {
                context.TraceIdentifier = activity.TraceId.ToHexString();
            }

            context.Response.OnStarting(() =>
            {
                // Set when the response starts, as the exception handler clears the headers set before.
                context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
