using Auth.Application.Abstractions;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Benchmarks;

/// <summary>Argon2id at the production settings (m = 19 MiB, t = 2): the floor under signup and login.</summary>
[MemoryDiagnoser]
public class PasswordBenchmarks
{
    private const string Password = "correct horse battery staple";
    private ServiceProvider services = null!;
    private IPasswordHasher hasher = null!;
    private string hash = null!;

    [GlobalSetup]
    public void Setup()
    {
        services = BenchHost.Create();
        hasher = services.GetRequiredService<IPasswordHasher>();
        hash = hasher.HashAsync(Password, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark]
    public ValueTask<string> Hash() => hasher.HashAsync(Password, CancellationToken.None);

    [Benchmark]
    public ValueTask<PasswordVerification> Verify() => hasher.VerifyAsync(hash, Password, CancellationToken.None);
}
