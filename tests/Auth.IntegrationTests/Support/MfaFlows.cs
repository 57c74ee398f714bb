using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Auth.Api.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// Two-step verification the way a user does it, computing codes with Otp.NET like an authenticator app. Each code
/// works once, so flows that need two codes move the service's clock on a step (<see cref="NextStep"/>).
/// </summary>
public static class MfaFlows
{
    /// <summary>A service on a clock the test moves, starting now.</summary>
    public static AuthApiFactory CreateFactory(string? database = null, IDictionary<string, string?>? settings = null) =>
        new(database, new FakeTimeProvider(DateTimeOffset.UtcNow), settings: settings);

    public static string Code(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    /// <summary>The app's code now, on the service's clock.</summary>
    public static string CodeNow(this AuthApiFactory factory, string secret) => Code(secret, factory.Time!.GetUtcNow());

    /// <summary>Moves the service's clock to the next 30-second step, so the app shows a new code.</summary>
    public static void NextStep(this AuthApiFactory factory) => factory.Time!.Advance(TimeSpan.FromSeconds(30));

    /// <summary>Enrols an authenticator in the session of <paramref name="accessToken"/>: start, then confirm with a code.</summary>
    public static async Task<Enrolled> EnrolTotpAsync(this AuthApiFactory factory, HttpClient client, string accessToken, string password = ApiClientExtensions.Password)
    {
        var started = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp", accessToken, new { currentPassword = password });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.OK), await started.Content.ReadAsStringAsync());
        var secret = (await started.ReadJsonAsync()).GetProperty("secret").GetString()!;
        var confirmed = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/mfa/totp/confirm", accessToken, new { code = factory.CodeNow(secret) });
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());
        var codes = (await confirmed.ReadJsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        // The confirming code's step is spent: the next sign-in needs the next one.
        factory.NextStep();
        return new Enrolled(secret, codes);
    }

    /// <summary>A new user with TOTP on, and a session signed in with both factors.</summary>
    public static async Task<MfaUser> SignUpWithTotpAsync(this AuthApiFactory factory, HttpClient client)
    {
        var user = await client.SignUpAsync();
        var enrolled = await factory.EnrolTotpAsync(client, user.AccessToken);
        var auth = await factory.SignInWithTotpAsync(client, user.Email, enrolled.Secret);
        return new MfaUser(user.Email, user.Password, enrolled.Secret, enrolled.RecoveryCodes, user.AccessToken, auth);
    }

    /// <summary>The password step of an account with a second factor: 403 <c>mfa_required</c>, and its mfaToken.</summary>
    public static async Task<string> LoginForMfaTokenAsync(this HttpClient client, string email, string password = ApiClientExtensions.Password)
    {
        var login = await client.PostAsJsonAsync("/auth/login", new { email, password });
        var problem = await login.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_required");
        return problem.GetProperty("mfaToken").GetString()!;
    }

    public static Task<HttpResponseMessage> VerifyAsync(this HttpClient client, string mfaToken, string? code = null, string? recoveryCode = null) =>
        client.PostAsJsonAsync("/auth/mfa/verify", new { mfaToken, code, recoveryCode });

    /// <summary>Password, then the app's current code; the clock then moves on a step, spent by this sign-in.</summary>
    public static async Task<AuthResponse> SignInWithTotpAsync(this AuthApiFactory factory, HttpClient client, string email, string secret)
    {
        var mfaToken = await client.LoginForMfaTokenAsync(email);
        var verified = await client.VerifyAsync(mfaToken, factory.CodeNow(secret));
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verified.Content.ReadAsStringAsync());
        factory.NextStep();
        return (await verified.Content.ReadFromJsonAsync<AuthResponse>())!;
    }

    /// <summary>The security events stored for the user so far (the outbox writes them a moment after the request).</summary>
    public static async Task<string[]> AuditTypesAsync(this AuthApiFactory factory, string email, params string[] expected)
    {
        return await Eventually.WaitForAsync(
            () => factory.WithDatabaseAsync(async db =>
            {
                var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
                return await db.AuditEntries.AsNoTracking().Where(a => a.UserId == user.Id).Select(a => a.Type).ToArrayAsync();
            }),
            types => expected.All(types.Contains),
            $"audit events {string.Join(", ", expected)} of {email}");
    }

    public static JsonElement Claims(string accessToken) =>
        JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(accessToken.Split('.')[1])).RootElement;
}

public sealed record Enrolled(string Secret, IReadOnlyList<string> RecoveryCodes);

/// <param name="FirstAccessToken">The signup's session, started before TOTP was on (<c>aal1</c>).</param>
/// <param name="Auth">A session signed in with both factors (<c>aal2</c>).</param>
public sealed record MfaUser(string Email, string Password, string Secret, IReadOnlyList<string> RecoveryCodes, string FirstAccessToken, AuthResponse Auth);
