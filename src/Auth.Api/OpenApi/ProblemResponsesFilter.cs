using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Auth.Api.OpenApi;

/// <summary>
/// Makes every error response say what the service really sends: <c>application/problem+json</c>, a description
/// naming each <c>code</c> it can carry, an example body, and the headers that come with it (<c>Retry-After</c>,
/// <c>WWW-Authenticate</c>). Statuses that middleware adds to many routes (401, 403, 413, 415, the per-address 429)
/// are filled in here, so no action can forget them.
/// </summary>
internal sealed partial class ProblemResponsesFilter : IOperationFilter
{
    private const string TooManyRequests = "`too_many_requests`: too many requests from this client address; see `Retry-After`.";
    private const string Overloaded = "`overloaded`: too many password checks are waiting; try again after `Retry-After`.";
    private const string StepUpRequired = "`mfa_step_up_required`: the account uses two-step verification and this session did not sign in with it.";
    private const string InvalidToken = "`invalid_token`: no valid access token (missing, expired, or its session ended).";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (BearerOperationFilter.RequiresToken(metadata))
        {
            Ensure(operation, StatusCodes.Status401Unauthorized, InvalidToken);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any(a => a.PolicyName is RateLimiting.CredentialsPolicy or RateLimiting.RefreshPolicy or RateLimiting.EmailPolicy))
        {
            Ensure(operation, StatusCodes.Status429TooManyRequests, TooManyRequests);
            var tooMany = (OpenApiResponse)operation.Responses["429"];
            if (tooMany.Description?.Contains('`', StringComparison.Ordinal) == true
                && !tooMany.Description.Contains("too_many_requests", StringComparison.Ordinal))
            {
                // The lockout's 429 and the per-address limit's 429 share the status; name both codes.
                tooMany.Description += " " + TooManyRequests;
            }
        }

        if (metadata.OfType<Authentication.RequiresStepUpAttribute>().Any())
        {
            Ensure(operation, StatusCodes.Status403Forbidden, StepUpRequired);
            var forbidden = (OpenApiResponse)operation.Responses["403"];
            if (forbidden.Description?.Contains("mfa_step_up_required", StringComparison.Ordinal) != true)
            {
                forbidden.Description = forbidden.Description?.Contains('`', StringComparison.Ordinal) == true
                    ? forbidden.Description + "; " + StepUpRequired
                    : DefaultDescription(StatusCodes.Status403Forbidden, metadata).TrimEnd('.') + "; " + StepUpRequired;
            }
        }

        if (metadata.OfType<HashesPasswordAttribute>().Any())
        {
            Ensure(operation, StatusCodes.Status503ServiceUnavailable, Overloaded);
        }

        foreach (var (status, response) in operation.Responses.Select(r => (int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture), r.Value)).ToArray())
        {
            if (status >= 400 && response is OpenApiResponse problem)
            {
                Describe(problem, status, metadata);
            }
        }
    }

    private static void Ensure(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ErrorResults.ProblemJson] = new() { Schema = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails)) },
                },
            };
        }
    }

    private static void Describe(OpenApiResponse response, int status, IList<object> metadata)
    {
        // Swashbuckle writes the reason phrase when no <response> comment says more; replace it with the code.
        if (response.Description?.Contains('`', StringComparison.Ordinal) != true)
        {
            response.Description = DefaultDescription(status, metadata);
        }

        // [Produces("application/json")] on a controller hides the problem+json the actions really answer with.
        if (response.Content is { } content && content.Remove("application/json", out var media))
        {
            content[ErrorResults.ProblemJson] = media;
        }

        if (response.Content?.TryGetValue(ErrorResults.ProblemJson, out var problemMedia) == true)
        {
            problemMedia.Example = Example(status, response.Description);
        }

        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            };
        }
        else if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers["WWW-Authenticate"] = new OpenApiHeader
            {
                Description = "`Bearer` (RFC 6750), with `error=\"invalid_token\"` when a token was sent.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }

    private static string DefaultDescription(int status, IList<object> metadata) => status switch
    {
        StatusCodes.Status401Unauthorized => InvalidToken,
        StatusCodes.Status403Forbidden when metadata.OfType<IAuthorizeData>().Any(a => a.Policy == ApiServices.AdminPolicy)
            => "`forbidden`: the caller is not an administrator.",
        StatusCodes.Status403Forbidden => "`forbidden`: the caller may not do this.",
        StatusCodes.Status413PayloadTooLarge => $"`payload_too_large`: the body is over {RequestBodyLimit.MaxBytes / 1024} KiB.",
        StatusCodes.Status415UnsupportedMediaType => "`unsupported_media_type`: the body is not `application/json`.",
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        _ => $"`{ProblemStatus.ErrorFor(status).Code}`.",
    };

    private static string? FirstCode(string? description) =>
        description is not null && CodePattern().Match(description) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>An example problem body: the first code the description names, with its explanation as detail.</summary>
    public static JsonObject Example(int status, string? description)
    {
        var code = FirstCode(description) ?? ProblemStatus.ErrorFor(status).Code;
        var detail = description?.Split(':', 2) is [_, var rest] ? rest.Split(';')[0].Trim().TrimEnd('.') + "." : ReasonPhrases.GetReasonPhrase(status) + ".";
        var example = new JsonObject
        {
            ["type"] = "about:blank",
            ["title"] = ReasonPhrases.GetReasonPhrase(status),
            ["status"] = status,
            ["detail"] = char.ToUpperInvariant(detail[0]) + detail[1..],
            ["code"] = code,
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        if (code == Application.Common.Errors.AuthErrors.ValidationFailedCode)
        {
            example["errors"] = new JsonObject { ["email"] = new JsonArray("'Email' is not a valid email address.") };
        }
        else if (code == Application.Common.Errors.AuthErrors.WeakPasswordCode)
        {
            string[] reasons = [Application.Common.Passwords.PasswordWeakness.TooCommon];
            example["detail"] = Application.Common.Passwords.PasswordWeakness.Describe(reasons);
            example["reasons"] = new JsonArray([.. reasons.Select(r => (JsonNode)r)]);
        }

        return example;
    }

    [GeneratedRegex("`([a-z_]+)`")]
    private static partial Regex CodePattern();
}
