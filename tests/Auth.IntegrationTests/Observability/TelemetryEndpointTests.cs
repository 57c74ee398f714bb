using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace Auth.IntegrationTests.Observability;

/// <summary>The Prometheus scrape endpoint, traces, and the console log format per environment.</summary>
public sealed class TelemetryEndpointTests
{
    [Test]
    public async Task With_prometheus_enabled_metrics_answers_in_prometheus_text_with_the_auth_meter()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Telemetry:Prometheus:Enabled"] = "true" });
        using var client = factory.CreateClient();
        await client.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "wrong password!" });

        var response = await client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(body, Does.Contain("# TYPE auth_logins_total counter"));
        Assert.That(body, Does.Match("auth_logins_total\\{[^}]*outcome=\"failure\"[^}]*\\} 1"));
        Assert.That(body, Does.Contain("http_server_request_duration_seconds"), "ASP.NET Core's metrics");
        Assert.That(body, Does.Contain("dotnet_"), "the runtime's metrics");
    }

    [Test]
    public async Task Without_the_setting_metrics_is_not_found()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/metrics");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task A_problems_trace_id_is_the_trace_of_the_exported_request_span_with_command_and_database_spans_inside()
    {
        var spans = new List<Activity>();
        await using var factory = new AuthApiFactory();
        using var client = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)))).CreateClient();

        var response = await client.PostAsJsonAsync("/auth/login", new { email = ApiClientExtensions.NewEmail(), password = "wrong password!" });
        var traceId = (await response.ReadJsonAsync()).GetProperty("traceId").GetString()!;

        var request = await WaitForAsync(() => Snapshot(spans).FirstOrDefault(s => s.Kind == ActivityKind.Server && traceId.Contains(s.TraceId.ToHexString(), StringComparison.Ordinal)));
        var inside = Snapshot(spans).Where(s => s.TraceId == request.TraceId).ToArray();
        Assert.That(inside.Select(s => s.DisplayName), Does.Contain("LoginCommand"), "the mediator command's span");
        Assert.That(inside.Where(s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal)), Is.Not.Empty, "EF Core's spans");
    }

    [TestCase("Production", "json")]
    [TestCase("Development", "simple")]
    public async Task Console_logs_are_json_in_production_and_text_in_development(string environment, string formatter)
    {
        await using var factory = new AuthApiFactory(environment: environment);

        var options = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.That(options.FormatterName, Is.EqualTo(formatter));
    }

    // The exporter appends from the thread that ends a span; ToArray copies without enumerating.
    private static Activity[] Snapshot(List<Activity> spans) => spans.ToArray();

    /// <summary>The server span is exported when the request's activity stops, which may be just after the response.</summary>
    private static async Task<Activity> WaitForAsync(Func<Activity?> find)
    {
        return (await Eventually.WaitForAsync(find, span => span is not null, "the request's span to be exported"))!;
    }
}
