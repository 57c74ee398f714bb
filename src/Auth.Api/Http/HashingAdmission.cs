using System.Globalization;
using Auth.Api.Errors;
using Auth.Application.Common.Errors;
using Auth.Infrastructure.Security.Passwords;
using Auth.Infrastructure.Telemetry;
using Microsoft.Extensions.Options;

namespace Auth.Api.Http;

/// <summary>Marks an action that computes one password hash; <see cref="HashingAdmission"/> bounds how many wait.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class HashesPasswordAttribute : Attribute;

/// <summary>
/// The bound on the password-hashing queue. Argon2id is deliberately slow, so an unbounded queue turns a flood of bad
/// logins into seconds of waiting for everyone (300 at once made a real login wait 3.6 s). Past
/// <c>MaxConcurrency + MaxQueueLength</c> requests that hash, the next one gets 503 <c>overloaded</c> with
/// <c>Retry-After</c> before anything else runs: no attempt counted, no database touched. The queue is also bounded
/// in time (<c>MaxQueueWait</c>): when the wait it would mean, at the pace hashes take now, is longer, the request is
/// refused too. Requests that do not hash (<c>/auth/user</c>, refresh, health) never wait here.
/// </summary>
internal sealed class HashingAdmission(RequestDelegate next, IOptions<PasswordHashingOptions> options, HashingPace pace)
{
    private readonly PasswordHashingOptions settings = options.Value;
    private int admitted;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<HashesPasswordAttribute>() is null)
        {
            await next(context);
            return;
        }

        if (Refuses(Interlocked.Increment(ref admitted), settings, pace.TypicalHash))
        {
            Interlocked.Decrement(ref admitted);
            var retryAfter = AuthErrors.Overloaded.RetryAfter!.Value;
            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await ProblemWriter.WriteAsync(context, AuthErrors.Overloaded);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref admitted);
        }
    }

    /// <summary>Whether the request that makes <paramref name="admitted"/> in flight is one too many, by length or by wait.</summary>
    internal static bool Refuses(int admitted, PasswordHashingOptions settings, TimeSpan typicalHash)
    {
        var concurrency = settings.EffectiveConcurrency;
        if (admitted > concurrency + settings.MaxQueueLength)
        {
            return true;
        }

        // The requests ahead of this one share the hashing slots; it waits for them all to go through.
        var ahead = admitted - concurrency;
        return ahead > 0 && settings.MaxQueueWait > TimeSpan.Zero
            && typicalHash * ahead / concurrency > settings.MaxQueueWait;
    }
}
