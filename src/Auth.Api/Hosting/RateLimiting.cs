using System.Globalization;
using System.Threading.RateLimiting;
using Auth.Api.Errors;
using Auth.Api.Http;
using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Auth.Api.Hosting;

internal static class RateLimiting
{
    /// <summary>The policy on the endpoints that check a password: the ones a guesser or a bot hammers.</summary>
    public const string CredentialsPolicy = "credentials";

    /// <summary>The policy on refresh: its own, larger budget, so login floods from an address do not stop its sessions.</summary>
    public const string RefreshPolicy = "refresh";

    /// <summary>The policy on endpoints that send mail: each request costs an outgoing message.</summary>
    public const string EmailPolicy = "email";

    public static IServiceCollection AddCredentialRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitSettings>().Bind(configuration.GetSection(RateLimitSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitSettings>, RateLimitSettingsValidator>();
        services.AddRateLimiter(_ => { });
        // Built from the validated options when first needed, never from raw configuration at registration.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, validated) =>
        {
            var settings = validated.Value;
            options.AddPolicy(CredentialsPolicy, PerClientAddress(settings.Enabled, settings.PermitLimit, settings.Window));
            options.AddPolicy(RefreshPolicy, PerClientAddress(settings.Enabled, settings.RefreshPermitLimit, settings.RefreshWindow));
            options.AddPolicy(EmailPolicy, PerClientAddress(settings.Enabled, settings.EmailPermitLimit, settings.EmailWindow));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemWriter.WriteAsync(context.HttpContext, AuthErrors.TooManyRequests);
            };
        });
        return services;
    }

    private static Func<HttpContext, RateLimitPartition<string>> PerClientAddress(bool enabled, int permitLimit, TimeSpan window) =>
        context => !enabled
            ? RateLimitPartition.GetNoLimiter("off")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.ClientAddress() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 });
}
