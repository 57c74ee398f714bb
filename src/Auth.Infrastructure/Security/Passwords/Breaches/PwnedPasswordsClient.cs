using System.Security.Cryptography;
using System.Text;
using Auth.Application.Abstractions;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Auth.Infrastructure.Security.Passwords.Breaches;

/// <summary>
/// Asks the Have I Been Pwned range API whether a password is breached. Only the first 5 hex characters of its
/// SHA-1 leave the service (k-anonymity), and responses are padded with zero-count entries so their size says
/// nothing about the range either. Timeouts and retries come from the HttpClient's resilience handler.
/// </summary>
internal sealed partial class PwnedPasswordsClient(
    HttpClient http, PwnedRangeCache cache, BreachCheckMetrics metrics, ILogger<PwnedPasswordsClient> logger) : IBreachedPasswords
{
    public const string HttpClientName = "pwned-passwords";

    public async ValueTask<BreachCheck> CheckAsync(string password, CancellationToken cancellationToken)
    {
        // SHA-1 is the range API's protocol, used here to look up, never to store or to prove anything.
#pragma warning disable CA5350
        var hash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350
        var prefix = hash[..5];
        var suffix = hash[5..];
        var range = cache.Get(prefix);
        if (range is null)
        {
            range = await FetchAsync(prefix, cancellationToken);
            if (range is null)
            {
                return BreachCheck.Unavailable;
            }

            cache.Add(prefix, range);
        }

        var breached = range.Contains(suffix);
        metrics.Checked(breached ? BreachCheck.Breached : BreachCheck.NotBreached);
        return breached ? BreachCheck.Breached : BreachCheck.NotBreached;
    }

    private async Task<PwnedRange?> FetchAsync(string prefix, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"range/{prefix}");
            request.Headers.Add("Add-Padding", "true");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Unavailable((int)response.StatusCode, null);
            }

            return PwnedRange.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or FormatException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Unavailable(null, e);
        }
    }

    private PwnedRange? Unavailable(int? status, Exception? exception)
    {
        metrics.Checked(BreachCheck.Unavailable);
        LogUnavailable(status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? exception!.GetType().Name, exception);
        return null;
    }

    // Never the password, its hash or its prefix: the prefix narrows the password to a few hundred candidates.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Breach check unavailable ({Failure}); the password is judged offline only unless FailClosed")]
    private partial void LogUnavailable(string failure, Exception? exception);
}
