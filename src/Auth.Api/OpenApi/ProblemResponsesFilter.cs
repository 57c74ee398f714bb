using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Auth.Api.OpenApi;

/// <summary>
/// Makes every error response say what the service really sends: <c>application/problem+json</c>, a description
/// naming each <c>code</c> it can carry, an example body, and the headers that come with it (<c>Retry-After</c>,
/// <c>WWW-Authenticate</c>). Statuses that middleware adds to many routes (401, 403, 413, 415, the per-address 429)
/// are filled in here, so no action can forget them.
/// </summary>
internal sealed partial class ProblemResponsesFilter(ProblemExamples examples) : IOperationFilter
{
    private const string TooManyRequests = "`too_many_requests`: too many requests from this client address; see `Retry-After`.";
    private const string Overloaded = "`overloaded`: too many password checks are waiting; try again after `Retry-After`.";
    private const string StepUpRequired = "`mfa_step_up_required`: the account uses two-step verification and this session did not sign in with it.";
    private const string InvalidToken = "`invalid_token`: no valid access token (missing, expired, or its session ended).";
    private const string NotJson = "`bad_request`: the body is not JSON; `line` and `column` say where reading stopped.";

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

        if (context.ApiDescription.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body))
        {
            Ensure(operation, StatusCodes.Status400BadRequest, NotJson);
            var badRequest = (OpenApiResponse)operation.Responses["400"];
            if (badRequest.Description?.Contains("bad_request", StringComparison.Ordinal) != true)
            {
                badRequest.Description = badRequest.Description?.TrimEnd() + " " + NotJson;
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

    private void Describe(OpenApiResponse response, int status, IList<object> metadata)
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
            var codes = Codes(response.Description);
            if (codes.FirstOrDefault(c => ErrorCatalogue.Find(c) is null) is { } unknown)
            {
                throw new InvalidOperationException($"A {status} response names `{unknown}`, which is not in the error catalogue (AuthErrors).");
            }

            problemMedia.Example = examples.For(status, codes[0]);
            problemMedia.Schema = Narrowed(problemMedia.Schema, codes);
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

    /// <summary>The codes a response's description names, in order; the first one is the example's.</summary>
    public static IReadOnlyList<string> Codes(string? description) =>
        [.. CodePattern().Matches(description ?? "").Select(m => m.Groups[1].Value).Where(c => !NotCodes.Contains(c)).Distinct()];

    // Backticked words in descriptions that are members or values, not codes.
    private static readonly HashSet<string> NotCodes = ["line", "column", "factors", "reasons", "errors", "local", "global", "others"];

    /// <summary>
    /// The problem schema with <c>code</c> narrowed to this response's codes, so a generated client's per-operation
    /// error type says which codes this operation can answer with.
    /// </summary>
    private static OpenApiSchema? Narrowed(IOpenApiSchema? schema, IReadOnlyList<string> codes) => schema is null ? null : new OpenApiSchema
    {
        AllOf =
        [
            schema,
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string>(["code"]),
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. codes.Select(c => (JsonNode)c)] },
                },
            },
        ],
    };

    [GeneratedRegex("`([a-z_]+)`")]
    private static partial Regex CodePattern();
}
