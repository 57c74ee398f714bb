using Microsoft.Extensions.Options;

namespace Auth.Api.Telemetry;

/// <summary>Where traces and metrics go, bound from <c>Telemetry</c>. Every exporter is off by default.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "auth";

    public OtlpSettings Otlp { get; set; } = new();

    public PrometheusSettings Prometheus { get; set; } = new();

    public static TelemetryOptions Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

    public sealed class OtlpSettings
    {
        /// <summary>An OTLP collector (<c>http://otel-collector:4317</c>); traces and metrics are pushed there when set.</summary>
        public string? Endpoint { get; set; }

        /// <summary><c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
        public string Protocol { get; set; } = "Grpc";
    }

    public sealed class PrometheusSettings
    {
        /// <summary>Serve the metrics in Prometheus text format at <c>/metrics</c>.</summary>
        public bool Enabled { get; set; }
    }
}

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            failures.Add("Telemetry:ServiceName must be set.");
        }

        if (!string.IsNullOrWhiteSpace(options.Otlp.Endpoint)
            && !(Uri.TryCreate(options.Otlp.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
        {
            failures.Add($"Telemetry:Otlp:Endpoint must be an http(s) URL; it is '{options.Otlp.Endpoint}'.");
        }

        if (options.Otlp.Protocol is not ("Grpc" or "HttpProtobuf"))
        {
            failures.Add($"Telemetry:Otlp:Protocol must be Grpc or HttpProtobuf; it is '{options.Otlp.Protocol}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
