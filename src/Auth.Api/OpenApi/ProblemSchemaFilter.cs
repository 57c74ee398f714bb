using Auth.Application.Common.Errors;
using Auth.Application.Common.Passwords;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Auth.Api.OpenApi;

/// <summary>
/// Adds the members every problem body carries beyond RFC 9457's (<c>code</c>, <c>traceId</c>) and marks the ones
/// that are always present, so generated clients can switch on <c>code</c> without casting.
/// </summary>
internal sealed class ProblemSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.Type) || schema is not OpenApiSchema problem)
        {
            return;
        }

        problem.Description = "An RFC 9457 problem. Switch on `code`; `title` and `detail` are for people.";
        problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
        problem.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable, machine-readable, snake_case: what went wrong (see each response's description).",
            Enum = [.. ErrorCatalogue.ClientCodes.Select(c => (System.Text.Json.Nodes.JsonNode)c)],
        };
        problem.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Unique per request; quote it when reporting a problem.",
        };
        if (context.Type == typeof(ValidationProblemDetails))
        {
            // The 400s that carry errors can also be weak_password, whose body names its reasons.
            problem.Properties["reasons"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. new[] { PasswordWeakness.TooCommon, PasswordWeakness.ContainsPersonalInfo, PasswordWeakness.Repetitive, PasswordWeakness.Breached }
                        .Select(r => (System.Text.Json.Nodes.JsonNode)r)],
                },
                Description = "`weak_password` only: why the password was refused.",
            };
        }

        string[] alwaysSet = ["type", "title", "status", "detail", "code", "traceId"];
        problem.Required = new HashSet<string>(alwaysSet);
        // The service fills each of them on every problem it writes (ProblemDetailsCustomization): never null.
        foreach (var name in alwaysSet)
        {
            if (problem.Properties.TryGetValue(name, out var member) && member is OpenApiSchema { Type: { } type } memberSchema)
            {
                memberSchema.Type = type & ~JsonSchemaType.Null;
            }
        }
    }
}
