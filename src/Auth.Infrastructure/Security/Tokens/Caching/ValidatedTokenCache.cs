using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens.Caching;

/// <summary>
/// Access tokens whose signature and claims were already validated, keyed by the SHA-256 of the exact token text,
/// so a token seen before costs a hash instead of an RSA or ECDSA verification. A token that differs in any
/// character (a tampered payload or signature) has another key and is validated in full; only valid tokens are
/// added. Entries live until the token's <c>exp</c>; the count is bounded, and when the cache is full of unexpired
/// tokens new ones are simply validated every time. Revocation is not cached: it is checked on every request after.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider time, int capacity = ValidatedTokenCache.DefaultCapacity)
{
    /// <summary>About 2 KB an entry (the claims and the token's times, not the token): 20 MB at most.</summary>
    public const int DefaultCapacity = 10_000;

    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<TokenDigest, Entry> entries = new();
    private int count;
    private long nextSweepTicks;

    public int Count => Volatile.Read(ref count);

    /// <summary>A fresh result for a token validated before and not yet expired; its identity is a copy per call.</summary>
    public bool TryGet(string token, out TokenValidationResult? result)
    {
        var key = TokenDigest.Of(token);
        if (entries.TryGetValue(key, out var entry))
        {
            if (entry.Expires > time.GetUtcNow())
            {
                result = new TokenValidationResult
                {
                    IsValid = true,
                    // A copy, because the principal built from it belongs to one request and may be changed there.
                    ClaimsIdentity = entry.Identity.Clone(),
                    SecurityToken = entry.Token,
                    TokenType = entry.TokenType,
                };
                return true;
            }

            Remove(key, entry);
        }

        result = null;
        return false;
    }

    /// <summary>Remembers a successful validation until <paramref name="expires"/>; never call it for a failed one.</summary>
    public void Add(string token, TokenValidationResult validated, DateTimeOffset expires)
    {
        if (!validated.IsValid || validated.ClaimsIdentity is null || validated.SecurityToken is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (expires <= now || (Count >= capacity && Sweep(now) == 0 && Count >= capacity))
        {
            return;
        }

        // Not the parsed token itself (several KB, with the raw text): the bearer handler reads only its times.
        var slim = new CachedSecurityToken(validated.SecurityToken.Id, validated.SecurityToken.Issuer,
            validated.SecurityToken.ValidFrom, validated.SecurityToken.ValidTo);
        var entry = new Entry(validated.ClaimsIdentity.Clone(), slim, validated.TokenType, expires);
        if (entries.TryAdd(TokenDigest.Of(token), entry))
        {
            Interlocked.Increment(ref count);
        }
    }

    /// <summary>Drops expired entries; at most once a second, since a full cache would otherwise sweep per request.</summary>
    private int Sweep(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due)
        {
            return 0;
        }

        var removed = 0;
        foreach (var (key, entry) in entries)
        {
            if (entry.Expires <= now && Remove(key, entry))
            {
                removed++;
            }
        }

        return removed;
    }

    private bool Remove(TokenDigest key, Entry entry)
    {
        if (!entries.TryRemove(new KeyValuePair<TokenDigest, Entry>(key, entry)))
        {
            return false;
        }

        Interlocked.Decrement(ref count);
        return true;
    }

    private sealed record Entry(System.Security.Claims.ClaimsIdentity Identity, SecurityToken Token, string? TokenType, DateTimeOffset Expires);

    /// <summary>The 256 bits of SHA-256 as four words: no collision to fear, and no token text kept as a key.</summary>
    private readonly record struct TokenDigest(ulong A, ulong B, ulong C, ulong D)
    {
        public static TokenDigest Of(string token)
        {
            // The exact count, not GetMaxByteCount (3 bytes a char): a JWT is ASCII, and an RS256 token of ~800
            // characters would otherwise never fit the stack buffer.
            var length = Encoding.UTF8.GetByteCount(token);
            var rented = length > 2048 ? ArrayPool<byte>.Shared.Rent(length) : null;
            Span<byte> bytes = rented ?? stackalloc byte[2048];
            try
            {
                var written = Encoding.UTF8.GetBytes(token, bytes);
                Span<ulong> hash = stackalloc ulong[4];
                SHA256.HashData(bytes[..written], System.Runtime.InteropServices.MemoryMarshal.AsBytes(hash));
                return new TokenDigest(hash[0], hash[1], hash[2], hash[3]);
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
    }
}
