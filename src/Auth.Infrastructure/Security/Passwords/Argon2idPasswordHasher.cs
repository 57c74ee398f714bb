using System.Security.Cryptography;
using System.Text;
using Auth.Application.Abstractions;
using Geralt;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Passwords;

/// <summary>
/// Argon2id through libsodium (Geralt), stored as a PHC string (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>)
/// so each hash carries its own parameters and weaker ones can be detected and upgraded.
/// </summary>
internal sealed class Argon2idPasswordHasher : IPasswordHasher, IDisposable
{
    private readonly int iterations;
    private readonly int memoryBytes;
    private readonly SemaphoreSlim gate;
    private readonly Lazy<string> dummyHash;

    private readonly Telemetry.AuthMetrics? metrics;
    private readonly Telemetry.HashingPace? pace;

    public Argon2idPasswordHasher(IOptions<PasswordHashingOptions> options, Telemetry.AuthMetrics? metrics = null, Telemetry.HashingPace? pace = null)
    {
        this.metrics = metrics;
        this.pace = pace;
        var settings = options.Value;
        iterations = settings.Iterations;
        memoryBytes = settings.MemoryKiB * 1024;
        gate = new SemaphoreSlim(settings.EffectiveConcurrency, settings.EffectiveConcurrency);

        // Verified for unknown emails, so that "no such account" costs what "wrong password" costs.
        dummyHash = new Lazy<string>(() => Compute(RandomNumberGenerator.GetHexString(32)));
    }

    public async ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        await WaitForTurnAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return Compute(password);
        }
        finally
        {
            Measured("hash", started);
            gate.Release();
        }
    }

    public async ValueTask<PasswordVerification> VerifyAsync(string? hash, string password, CancellationToken cancellationToken)
    {
        var dummy = hash is null ? dummyHash.Value : null;
        await WaitForTurnAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            if (dummy is not null)
            {
                Verify(dummy, password);
                return PasswordVerification.Failed;
            }

            if (!Verify(hash!, password))
            {
                return PasswordVerification.Failed;
            }

            return Argon2id.NeedsRehash(hash, iterations, memoryBytes)
                ? PasswordVerification.SucceededRehashNeeded
                : PasswordVerification.Succeeded;
        }
        finally
        {
            Measured("verify", started);
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private void Measured(string operation, long started)
    {
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        metrics?.HashComputed(operation, elapsed);
        pace?.Record(elapsed);
    }

    private async ValueTask WaitForTurnAsync(CancellationToken cancellationToken)
    {
        if (metrics is null)
        {
            await gate.WaitAsync(cancellationToken);
            return;
        }

        using (metrics.WaitingForHash())
        {
            await gate.WaitAsync(cancellationToken);
        }
    }

    private string Compute(string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        Span<char> encoded = stackalloc char[Argon2id.HashSize];
        try
        {
            Argon2id.ComputeHash(encoded, bytes, iterations, memoryBytes);
            return new string(encoded.TrimEnd('\0'));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static bool Verify(string hash, string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return Argon2id.VerifyHash(hash, bytes);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // Not an Argon2id PHC string (corrupt, or another scheme such as bcrypt or argon2i): it cannot match.
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
