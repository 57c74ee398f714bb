using Auth.Infrastructure.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Auth.Api.Telemetry;

/// <summary>
/// OpenTelemetry: traces of ASP.NET Core, EF Core, outgoing HTTP and the service's own spans (commands, SMTP);
/// metrics of ASP.NET Core, the runtime and the <c>Auth</c> meter. Exported over OTLP and/or scraped at
/// <c>/metrics</c>, each only when configured.
/// </summary>
internal static class TelemetrySetup
{
    public const string ScrapePath = "/metrics";

    public static IServiceCollection AddAuthTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        var settings = TelemetryOptions.Read(configuration);
        var otlp = Uri.TryCreate(settings.Otlp.Endpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;
        var protocol = settings.Otlp.Protocol == "HttpProtobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(AuthTelemetry.Name)
                    // Health probes every few seconds would drown the traces worth reading.
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                        && !context.Request.Path.StartsWithSegments(ScrapePath))
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (otlp, protocol));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(AuthTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (otlp, protocol));
                }

                if (settings.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        return services;
    }

    /// <summary>The scrape endpoint, only when <c>Telemetry:Prometheus:Enabled</c>; otherwise the path is a 404 like any unknown one.</summary>
    public static WebApplication MapAuthTelemetry(this WebApplication app)
    {
        if (TelemetryOptions.Read(app.Configuration).Prometheus.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(ScrapePath);
        }

        return app;
    }
}
