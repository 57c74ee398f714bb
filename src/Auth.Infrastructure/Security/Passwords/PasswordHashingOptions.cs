using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Passwords;

/// <summary>Argon2id cost, bound from the <c>PasswordHashing</c> section.</summary>
public sealed class PasswordHashingOptions
{
    public const string Section = "PasswordHashing";

    /// <summary>Passes over memory (t). OWASP: 2 with 19 MiB.</summary>
    public int Iterations { get; set; } = 2;

    /// <summary>Memory per hash in KiB (m). OWASP: 19456 (19 MiB) with t = 2.</summary>
    public int MemoryKiB { get; set; } = 19_456;

    /// <summary>
    /// Hashes computed at once; others wait their turn. Each takes <see cref="MemoryKiB"/> of memory, so this
    /// bounds memory during a login storm. 0 means the processor count.
    /// </summary>
    public int MaxConcurrency { get; set; }

    /// <summary>
    /// Requests that may wait for a hash beyond those computing one; past it the service answers 503
    /// <c>overloaded</c> at once instead of queueing. About 12 ms per hash per core: 64 waiting on two cores is
    /// under half a second.
    /// </summary>
    public int MaxQueueLength { get; set; } = 64;

    /// <summary>
    /// The longest a request may expect to wait for its turn to hash: the queue is refused past
    /// <c>waiting × typical hash time ÷ MaxConcurrency</c>, whichever bound comes first. When a flood starves the
    /// processors and hashes slow down, the queue shortens with them, so a real user's login still answers within
    /// about this long (or gets 503 at once). Zero turns the time bound off (the length bound stays).
    /// </summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromMilliseconds(400);

    public int EffectiveConcurrency => MaxConcurrency > 0 ? MaxConcurrency : Environment.ProcessorCount;
}

/// <summary>
/// Refuses settings below the OWASP Password Storage Cheat Sheet's Argon2id table, whose rows trade memory for
/// passes: m=47104 t=1, m=19456 t=2, m=12288 t=3, m=9216 t=4, m=7168 t=5 (KiB). We require at least 7 MiB and
/// a memory × passes product no smaller than the table's weakest row.
/// </summary>
internal sealed class PasswordHashingOptionsValidator : IValidateOptions<PasswordHashingOptions>
{
    internal const int MinMemoryKiB = 7_168;
    internal const long MinCost = 7_168L * 5;

    public ValidateOptionsResult Validate(string? name, PasswordHashingOptions options)
    {
        var failures = new List<string>();
        if (options.MemoryKiB < MinMemoryKiB)
        {
            failures.Add($"PasswordHashing:MemoryKiB must be at least {MinMemoryKiB} (OWASP); it is {options.MemoryKiB}.");
        }

        if (options.Iterations < 1)
        {
            failures.Add("PasswordHashing:Iterations must be at least 1.");
        }
        else if ((long)options.MemoryKiB * options.Iterations < MinCost)
        {
            failures.Add($"PasswordHashing:MemoryKiB × Iterations must be at least {MinCost} (OWASP: m=19456 t=2, m=9216 t=4, ...).");
        }

        if (options.MemoryKiB > 4 * 1024 * 1024)
        {
            failures.Add("PasswordHashing:MemoryKiB must be at most 4 GiB.");
        }

        if (options.MaxQueueLength < 0)
        {
            failures.Add("PasswordHashing:MaxQueueLength must be 0 or more.");
        }

        if (options.MaxQueueWait < TimeSpan.Zero || options.MaxQueueWait > TimeSpan.FromMinutes(1))
        {
            failures.Add("PasswordHashing:MaxQueueWait must be between 0 (off) and 00:01:00.");
        }

        if (options.MaxConcurrency < 0)
        {
            failures.Add("PasswordHashing:MaxConcurrency must be 0 (processor count) or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
