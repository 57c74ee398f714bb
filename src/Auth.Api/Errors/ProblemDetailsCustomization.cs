using System.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Auth.Api.Errors;

/// <summary>
/// Runs for every problem body the service writes, whoever writes it (controllers, MVC's own 400/415,
/// status-code pages, authentication, exception handlers), so each has <c>type</c>, <c>title</c>, <c>status</c>,
/// <c>detail</c>, <c>code</c> and <c>traceId</c>, and each 401 a <c>WWW-Authenticate</c> header (RFC 6750).
/// </summary>
internal static class ProblemDetailsCustomization
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        var status = problem.Status ??= http.Response.StatusCode;

        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Type ??= TypeFor(status);
        // A problem nobody gave a detail (MVC's own 415, a status-code page) says what the catalogue says for its status.
        problem.Detail ??= ProblemStatus.ErrorFor(status).Message;
        problem.Extensions.TryAdd("code", ProblemStatus.ErrorFor(status).Code);
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;

        if (status == StatusCodes.Status401Unauthorized && !http.Response.Headers.ContainsKey(HeaderNames.WWWAuthenticate))
        {
            http.Response.Headers.WWWAuthenticate = http.Request.Headers.Authorization.Count > 0
                ? "Bearer error=\"invalid_token\""
                : "Bearer";
        }
    }

    // ASP.NET fills RFC 9110 links for most statuses; these are the ones it leaves out.
    private static string TypeFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "about:blank",
    };
}
