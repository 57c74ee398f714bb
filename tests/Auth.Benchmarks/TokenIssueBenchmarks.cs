using Auth.Application.Abstractions;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Benchmarks;

/// <summary>Signing one RS256 access token, as login and refresh do.</summary>
[MemoryDiagnoser]
public class TokenIssueBenchmarks
{
    private ServiceProvider services = null!;
    private IAccessTokenIssuer issuer = null!;
    private User user = null!;
    private Session session = null!;

    [GlobalSetup]
    public void Setup()
    {
        services = BenchHost.Create();
        issuer = services.GetRequiredService<IAccessTokenIssuer>();
        var now = DateTimeOffset.UtcNow;
        user = User.Register("ada@example.com", "Ada", "not-a-hash", now);
        session = Session.Start(user.Id, now, TimeSpan.FromDays(14), "127.0.0.1", "bench");
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark]
    public string Issue() => issuer.Issue(user, session, DateTimeOffset.UtcNow).Token;
}
