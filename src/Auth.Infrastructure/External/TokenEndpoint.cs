using System.Net;
using System.Net.Http.Headers;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Microsoft.Extensions.Logging;

namespace Auth.Infrastructure.External;

/// <summary>The authorization-code exchange at a provider's token endpoint (client credentials in the form body).</summary>
internal static partial class TokenEndpoint
{
    /// <returns>The response's JSON; <c>provider_unavailable</c> when it does not answer in time or fails (5xx), <c>external_sign_in_failed</c> when it refuses the code.</returns>
    public static async Task<Result<string>> RedeemAsync(
        HttpClient http, string endpoint, Dictionary<string, string> form, ILogger logger, string provider, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                LogTokenEndpoint(logger, provider, (int)response.StatusCode);
                return AuthErrors.ProviderUnavailable;
            }

            if (!response.IsSuccessStatusCode)
            {
                LogTokenEndpoint(logger, provider, (int)response.StatusCode);
                return AuthErrors.ExternalSignInFailed;
            }

            return body;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogTokenEndpoint(logger, provider, 0);
            return AuthErrors.ProviderUnavailable;
        }
    }

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "External provider {Provider}: the token endpoint answered {Status} (0: no answer in time).")]
    private static partial void LogTokenEndpoint(ILogger logger, string provider, int status);
}
