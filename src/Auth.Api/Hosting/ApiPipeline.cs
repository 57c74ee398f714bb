using Auth.Api.Errors;
using Auth.Api.Http;
using Auth.Api.Telemetry;
using Auth.Application.Common.Errors;
using Auth.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Auth.Api.Hosting;

internal static class ApiPipeline
{
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseEdge();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Routing runs after HEAD has become GET; left implicit, it would run first and answer HEAD with 405.
        app.UseMiddleware<HeadAsGet>();
        app.UseRouting();
        // Before the body limit, so a browser on an allowed origin can read a 413 too.
        app.UseCors(ApiServices.CorsPolicy);
        app.UseMiddleware<RequestBodyLimit>();

        if (app.Environment.IsDevelopment())
        {
            app.UseSwagger();
            app.UseSwaggerUI(o => o.DocumentTitle = "Auth API");
        }

        app.UseAuthentication();
        app.UseMiddleware<EventOriginMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<HashingAdmission>();
        app.MapControllers();
        app.MapAuthTelemetry();

        // GET and HEAD only: any other method gets 405 like every other route.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(DependencyInjection.ReadinessTag),
            ResponseWriter = WriteHealthAsync,
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report) =>
        report.Status == HealthStatus.Healthy
            ? context.Response.WriteAsJsonAsync(new { status = "ok" })
            : ProblemWriter.WriteAsync(context, AuthErrors.NotReady).AsTask();
}
