using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.External.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Auth.Infrastructure.External;

/// <summary>
/// GitHub signs people in with OAuth 2.0 only (no ID token): the code, with PKCE, buys an access token, and the
/// REST API says who it belongs to (<c>/user</c>: the numeric id is the subject) and which addresses GitHub verified
/// (<c>/user/emails</c>: the primary one if verified, else any verified one). The state, checked before, binds the
/// answer to the redirect; there is no nonce to check.
/// </summary>
internal sealed class GitHubProtocol(ResolvedProvider provider, HttpClient http, ILogger logger) : IProviderProtocol
{
    public Task<Result<Uri>> AuthorizationUrlAsync(ExternalAuthorizationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<Result<Uri>>(new Uri(QueryHelpers.AddQueryString(provider.AuthorizationEndpoint!, new Dictionary<string, string?>
        {
            ["client_id"] = provider.ClientId,
            ["redirect_uri"] = request.RedirectUri,
            ["scope"] = string.Join(' ', provider.Scopes),
            ["state"] = request.State,
            ["code_challenge"] = ExchangeProof.Challenge(request.CodeVerifier),
            ["code_challenge_method"] = "S256",
            ["allow_signup"] = "true",
        })));

    public async Task<Result<ExternalClaims>> RedeemAsync(ExternalRedemption redemption, CancellationToken cancellationToken)
    {
        var answer = await TokenEndpoint.RedeemAsync(http, provider.TokenEndpoint!, new Dictionary<string, string>
        {
            ["code"] = redemption.Code,
            ["redirect_uri"] = redemption.RedirectUri,
            ["client_id"] = provider.ClientId,
            ["client_secret"] = provider.ClientSecret,
            ["code_verifier"] = redemption.CodeVerifier,
        }, logger, provider.Id, cancellationToken);
        if (!answer.IsSuccess)
        {
            return answer.Error!;
        }

        // GitHub answers a refused code with 200 and an "error" member.
        using var token = JsonDocument.Parse(answer.Value);
        if (!token.RootElement.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } bearer)
        {
            OidcProtocol.LogRefused(logger, provider.Id, "no access_token");
            return AuthErrors.ExternalSignInFailed;
        }

        try
        {
            var user = await GetAsync<GitHubUser>("user", bearer, cancellationToken);
            var emails = await GetAsync<GitHubEmail[]>("user/emails", bearer, cancellationToken) ?? [];
            if (user is null)
            {
                return AuthErrors.ExternalSignInFailed;
            }

            var chosen = emails.FirstOrDefault(e => e.Primary && e.Verified) ?? emails.FirstOrDefault(e => e.Verified);
            return new ExternalClaims(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), chosen?.Email, chosen is not null, user.Name ?? user.Login, []);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            OidcProtocol.LogRefused(logger, provider.Id, e.GetType().Name);
            return AuthErrors.ProviderUnavailable;
        }
    }

    private async Task<T?> GetAsync<T>(string path, string bearer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{provider.ApiBaseUrl!.TrimEnd('/')}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("auth-service", "1.0"));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    private sealed record GitHubUser(long Id, string Login, string? Name);

    private sealed record GitHubEmail(string Email, bool Primary, bool Verified);
}
