using System.Security.Claims;
using System.Security.Cryptography;
using Auth.Infrastructure.Security.Tokens.Caching;
using Auth.UnitTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.UnitTests.Infrastructure.Security.Tokens.Caching;

public class ValidatedTokenCacheTests
{
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "k1" };

    [Test]
    public async Task A_token_seen_before_is_answered_from_the_cache_until_it_expires()
    {
        var time = TestClock.Create();
        var handler = new CachingAccessTokenHandler(new ValidatedTokenCache(time));
        var token = Token(time.GetUtcNow().AddMinutes(15));

        var first = await handler.ValidateTokenAsync(token, Parameters(time));
        var second = await handler.ValidateTokenAsync(token, Parameters(time));
        time.Advance(TimeSpan.FromMinutes(16));
        var afterExpiry = handler.Cache.TryGet(token, out _);

        Assert.Multiple(() =>
        {
            Assert.That(first.IsValid && second.IsValid, Is.True);
            Assert.That(second.ClaimsIdentity.FindFirst("sid")?.Value, Is.EqualTo("s-1"));
            Assert.That(second.ClaimsIdentity, Is.Not.SameAs(first.ClaimsIdentity), "each request gets its own identity");
            Assert.That(second.SecurityToken.ValidTo, Is.EqualTo(first.SecurityToken.ValidTo), "the bearer handler reads the token's times");
            Assert.That(second.SecurityToken.Id, Is.EqualTo(first.SecurityToken.Id));
            Assert.That(afterExpiry, Is.False, "entries live until the token's exp, not longer");
        });
    }

    [Test]
    public async Task A_tampered_copy_of_a_cached_token_is_validated_in_full_and_refused()
    {
        var time = TestClock.Create();
        var handler = new CachingAccessTokenHandler(new ValidatedTokenCache(time));
        var token = Token(time.GetUtcNow().AddMinutes(15));
        await handler.ValidateTokenAsync(token, Parameters(time));
        var parts = token.Split('.');
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["sub"] = "someone-else";
        var tamperedPayload = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
        var tamperedSignature = $"{parts[0]}.{parts[1]}.{parts[2][..^2]}{(parts[2][^2] == 'A' ? 'B' : 'A')}{parts[2][^1]}";

        var payloadResult = await handler.ValidateTokenAsync(tamperedPayload, Parameters(time));
        var signatureResult = await handler.ValidateTokenAsync(tamperedSignature, Parameters(time));

        Assert.Multiple(() =>
        {
            Assert.That(payloadResult.IsValid, Is.False);
            Assert.That(signatureResult.IsValid, Is.False);
            Assert.That(handler.Cache.TryGet(tamperedPayload, out _), Is.False);
            Assert.That(handler.Cache.Count, Is.EqualTo(1), "only the genuine token is cached");
        });
    }

    [Test]
    public async Task An_invalid_token_is_never_cached()
    {
        var time = TestClock.Create();
        var handler = new CachingAccessTokenHandler(new ValidatedTokenCache(time));
        var expired = Token(time.GetUtcNow().AddMinutes(-5));

        var result = await handler.ValidateTokenAsync(expired, Parameters(time));

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(handler.Cache.Count, Is.Zero);
        });
    }

    [Test]
    public void The_cache_never_holds_more_than_its_capacity()
    {
        var time = TestClock.Create();
        var cache = new ValidatedTokenCache(time, capacity: 3);

        for (var i = 0; i < 10; i++)
        {
            cache.Add($"token-{i}", Valid(), time.GetUtcNow().AddMinutes(15));
        }

        Assert.Multiple(() =>
        {
            Assert.That(cache.Count, Is.EqualTo(3));
            Assert.That(cache.TryGet("token-0", out _), Is.True, "a full cache keeps what it has");
            Assert.That(cache.TryGet("token-9", out _), Is.False, "and validates newcomers every time");
        });
    }

    [Test]
    public void A_full_cache_makes_room_by_dropping_expired_entries()
    {
        var time = TestClock.Create();
        var cache = new ValidatedTokenCache(time, capacity: 2);
        cache.Add("short-1", Valid(), time.GetUtcNow().AddMinutes(1));
        cache.Add("short-2", Valid(), time.GetUtcNow().AddMinutes(1));
        time.Advance(TimeSpan.FromMinutes(2));

        cache.Add("new", Valid(), time.GetUtcNow().AddMinutes(15));

        Assert.Multiple(() =>
        {
            Assert.That(cache.TryGet("new", out _), Is.True);
            Assert.That(cache.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_failed_or_already_expired_validation_is_not_added()
    {
        var time = TestClock.Create();
        var cache = new ValidatedTokenCache(time);

        cache.Add("failed", new TokenValidationResult { IsValid = false }, time.GetUtcNow().AddMinutes(15));
        cache.Add("expired", Valid(), time.GetUtcNow());

        Assert.That(cache.Count, Is.Zero);
    }

    private static TokenValidationResult Valid() => new()
    {
        IsValid = true,
        ClaimsIdentity = new ClaimsIdentity([new Claim("sid", "s-1")], "Bearer"),
        SecurityToken = new JsonWebToken(Token(DateTimeOffset.UtcNow.AddMinutes(15))),
    };

    private static string Token(DateTimeOffset expires) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
        new SecurityTokenDescriptor
        {
            Issuer = "auth",
            Audience = "auth-clients",
            IssuedAt = expires.AddMinutes(-15).UtcDateTime,
            NotBefore = expires.AddMinutes(-15).UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = "u-1", ["sid"] = "s-1" },
        });

    private static TokenValidationParameters Parameters(TimeProvider time) => new()
    {
        ValidIssuer = "auth",
        ValidAudience = "auth-clients",
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = (_, expires, _, _) => expires > time.GetUtcNow().UtcDateTime,
    };
}
