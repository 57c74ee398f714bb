using Auth.Api.Errors;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Auth.Api.OpenApi;

/// <summary>
/// The health checks are mapped outside MVC, where the API explorer cannot see them; they are routes all the same,
/// so the document describes them by hand.
/// </summary>
internal sealed class HealthEndpointsDocumentFilter(ProblemExamples examples) : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.Paths.Add("/health/live", Path("healthLive", "Answers 200 while the process runs; for liveness probes.", ready: false));
        swaggerDoc.Paths.Add("/health/ready", Path("healthReady", "Answers 200 when the database answers and revocations are loaded; for readiness probes.", ready: true));
    }

    private OpenApiPathItem Path(string operationId, string summary, bool ready)
    {
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = "Healthy.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(Contracts.PingResponse)) },
                },
            },
        };
        if (ready)
        {
            const string notReady = "`not_ready`: the database does not answer, or revocations are not loaded yet.";
            responses["503"] = new OpenApiResponse
            {
                Description = notReady,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ErrorResults.ProblemJson] = new()
                    {
                        Schema = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails)),
                        Example = examples.For(StatusCodes.Status503ServiceUnavailable, "not_ready"),
                    },
                },
            };
        }

        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new() { OperationId = operationId, Summary = summary, Tags = new HashSet<OpenApiTagReference> { new(TagOrderDocumentFilter.HealthTag) }, Responses = responses },
            },
        };
    }
}
