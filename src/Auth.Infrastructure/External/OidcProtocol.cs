using System.IdentityModel.Tokens.Jwt;
using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.External.Common;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.Validators;

namespace Auth.Infrastructure.External;

/// <summary>
/// OpenID Connect as a confidential client: discovery and keys through Microsoft.IdentityModel's configuration
/// manager (cached, refreshed when a token names a key it does not know), the authorization request built by
/// <see cref="OpenIdConnectMessage"/>, and the ID token checked by <see cref="JsonWebTokenHandler"/> (signature,
/// issuer, audience, lifetime) and <see cref="OpenIdConnectProtocolValidator"/> (nonce, at_hash). No claim of the
/// token is trusted before both pass.
/// </summary>
internal sealed partial class OidcProtocol : IProviderProtocol
{
    private readonly ResolvedProvider provider;
    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> metadata;
    private readonly JsonWebTokenHandler tokens = new() { MapInboundClaims = false };

    public OidcProtocol(ResolvedProvider provider, HttpClient http, TimeProvider time, ILogger logger)
    {
        this.provider = provider;
        this.http = http;
        this.time = time;
        this.logger = logger;
        // Plain http only to this machine (a provider run beside the service, as the tests do); anywhere else, https.
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = !ExternalUrls.IsLoopback(provider.Authority) };
        metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            provider.Authority.TrimEnd('/') + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(), retriever)
        {
            // A token signed by a key not yet seen asks for a fresh key set at most this often.
            RefreshInterval = TimeSpan.FromSeconds(30),
        };
    }

    public async Task<Result<Uri>> AuthorizationUrlAsync(ExternalAuthorizationRequest request, CancellationToken cancellationToken)
    {
        if (await MetadataAsync(cancellationToken) is not { } config)
        {
            return AuthErrors.ProviderUnavailable;
        }

        var message = new OpenIdConnectMessage
        {
            IssuerAddress = config.AuthorizationEndpoint,
            ClientId = provider.ClientId,
            RedirectUri = request.RedirectUri,
            ResponseType = OpenIdConnectResponseType.Code,
            Scope = string.Join(' ', provider.Scopes),
            State = request.State,
            Nonce = request.Nonce,
        };
        message.SetParameter("code_challenge", ExchangeProof.Challenge(request.CodeVerifier));
        message.SetParameter("code_challenge_method", "S256");
        return new Uri(message.CreateAuthenticationRequestUrl());
    }

    public async Task<Result<ExternalClaims>> RedeemAsync(ExternalRedemption redemption, CancellationToken cancellationToken)
    {
        if (await MetadataAsync(cancellationToken) is not { } config)
        {
            return AuthErrors.ProviderUnavailable;
        }

        var answer = await TokenEndpoint.RedeemAsync(http, config.TokenEndpoint, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
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

        var response = new OpenIdConnectMessage(answer.Value);
        if (string.IsNullOrEmpty(response.IdToken))
        {
            LogRefused(logger, provider.Id, "the token response has no id_token");
            return AuthErrors.ExternalSignInFailed;
        }

        var validated = await ValidateAsync(response.IdToken, config);
        if (validated.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since they were read: read them again, once.
            metadata.RequestRefresh();
            if (await MetadataAsync(cancellationToken) is { } refreshed)
            {
                validated = await ValidateAsync(response.IdToken, refreshed);
            }
        }

        if (!validated.IsValid)
        {
            LogRefused(logger, provider.Id, validated.Exception?.GetType().Name ?? "invalid ID token");
            return AuthErrors.ExternalSignInFailed;
        }

        try
        {
            new OpenIdConnectProtocolValidator { RequireTimeStampInNonce = false, RequireStateValidation = false, RequireState = false }
                .ValidateTokenResponse(new OpenIdConnectProtocolValidationContext
                {
                    ClientId = provider.ClientId,
                    Nonce = redemption.Nonce,
                    ProtocolMessage = response,
                    ValidatedIdToken = new JwtSecurityToken(response.IdToken),
                });
        }
        catch (OpenIdConnectProtocolException e)
        {
            LogRefused(logger, provider.Id, e.GetType().Name);
            return AuthErrors.ExternalSignInFailed;
        }

        return Claims((JsonWebToken)validated.SecurityToken);
    }

    private Task<TokenValidationResult> ValidateAsync(string idToken, OpenIdConnectConfiguration config)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = config.Issuer,
            ValidAudience = provider.ClientId,
            IssuerSigningKeys = config.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            LifetimeValidator = Security.Tokens.ClockLifetime.Validator(time),
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        if (provider.IsEntraMultiTenant)
        {
            parameters.IssuerValidator = AadIssuerValidator.GetAadIssuerValidator(provider.Authority).Validate;
        }

        return tokens.ValidateTokenAsync(idToken, parameters);
    }

    private static ExternalClaims Claims(JsonWebToken token)
    {
        token.TryGetPayloadValue<string>("email", out var email);
        token.TryGetPayloadValue<string>("name", out var name);
        var verified = token.TryGetPayloadValue<bool>("email_verified", out var flag) ? flag
            : token.TryGetPayloadValue<string>("email_verified", out var text) && bool.TryParse(text, out var parsed) && parsed;
        var amr = token.TryGetPayloadValue<string[]>("amr", out var values) ? values : [];
        return new ExternalClaims(token.Subject, email, verified, name, amr);
    }

    private async Task<OpenIdConnectConfiguration?> MetadataAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, provider.Id, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "External provider {Provider} is unavailable: its metadata could not be read ({Reason}).")]
    private static partial void LogUnavailable(ILogger logger, string provider, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "External provider {Provider}: the answer was refused ({Reason}).")]
    internal static partial void LogRefused(ILogger logger, string provider, string reason);
}
