using Auth.Application.Abstractions;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.Infrastructure.Revocation;
using Auth.Infrastructure.Security.Tokens;
using Auth.Infrastructure.Security.Tokens.Caching;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Benchmarks;

/// <summary>
/// What authenticating one request costs: the token check (full RS256 verification, or a hit in the
/// validated-token cache) and the revocation lookup, with 0, 10,000 and 1,000,000 ended sessions in the list.
/// The target: the 1,000,000 row no more than 1.1x the 0 row.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private ServiceProvider services = null!;
    private TokenValidationParameters parameters = null!;
    private JsonWebTokenHandler fullHandler = null!;
    private CachingAccessTokenHandler cachingHandler = null!;
    private InMemoryRevocationList revocations = null!;
    private string token = null!;
    private Guid sessionId;

    [Params(0, 10_000, 1_000_000)]
    public int EndedSessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        services = BenchHost.Create();
        parameters = services.GetRequiredService<AccessTokenValidation>().Parameters;
        fullHandler = new JsonWebTokenHandler { MapInboundClaims = false };
        cachingHandler = services.GetRequiredService<CachingAccessTokenHandler>();
        var now = DateTimeOffset.UtcNow;
        var user = User.Register("ada@example.com", "Ada", "not-a-hash", now);
        var session = Session.Start(user.Id, now, TimeSpan.FromDays(14), "127.0.0.1", "bench");
        sessionId = session.Id;
        token = services.GetRequiredService<IAccessTokenIssuer>().Issue(user, session, now).Token;

        revocations = services.GetRequiredService<InMemoryRevocationList>();
        for (var i = 0; i < EndedSessions; i++)
        {
            revocations.Revoke(Guid.CreateVersion7(), now.AddMinutes(15));
        }

        revocations.MarkLoaded();
        if (!Authenticate().GetAwaiter().GetResult() || !AuthenticateCached().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("the benchmark token does not validate");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark(Baseline = true, Description = "signature + claims + revocation")]
    public async Task<bool> Authenticate()
    {
        var result = await fullHandler.ValidateTokenAsync(token, parameters);
        return result.IsValid && !revocations.IsRevoked(Guid.Parse((string)result.Claims["sid"]));
    }

    [Benchmark(Description = "cached token + revocation")]
    public async Task<bool> AuthenticateCached()
    {
        var result = await cachingHandler.ValidateTokenAsync(token, parameters);
        return result.IsValid && !revocations.IsRevoked(Guid.Parse(result.ClaimsIdentity.FindFirst("sid")!.Value));
    }

    [Benchmark(Description = "revocation lookup alone")]
    public bool RevocationLookup() => revocations.IsRevoked(sessionId);
}
