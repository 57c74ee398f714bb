using System.Globalization;
using Auth.Api.Errors;
using Auth.Application.Common.Errors;
using Auth.Infrastructure.Security.Passwords;
using Microsoft.Extensions.Options;

namespace Auth.Api.Http;

/// <summary>Marks an action that computes one password hash; <see cref="HashingAdmission"/> bounds how many wait.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class HashesPasswordAttribute : Attribute;

/// <summary>
/// The bound on the password-hashing queue. Argon2id is deliberately slow, so an unbounded queue turns a flood of bad
/// logins into seconds of waiting for everyone (300 at once made a real login wait 3.6 s). Past
/// <c>MaxConcurrency + MaxQueueLength</c> requests that hash, the next one gets 503 <c>overloaded</c> with
/// <c>Retry-After</c> before anything else runs: no attempt counted, no database touched. Requests that do not hash
/// (<c>/auth/user</c>, refresh, health) never wait here.
/// </summary>
internal sealed class HashingAdmission(RequestDelegate next, IOptions<PasswordHashingOptions> options)
{
    private readonly int limit = options.Value.EffectiveConcurrency + options.Value.MaxQueueLength;
    private int admitted;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<HashesPasswordAttribute>() is null)
        {
            await next(context);
            return;
        }

        if (Interlocked.Increment(ref admitted) > limit)
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
}
