using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Auth.Api.OpenApi;

/// <summary>Marks only the operations that need a token, so Swagger UI shows a lock exactly where one is needed.</summary>
internal sealed class BearerOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var optional = metadata.OfType<Authentication.BearerOptionalAttribute>().Any();
        if (!RequiresToken(metadata) && !optional)
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SwaggerSetup.BearerScheme, context.Document)] = [],
        });
        if (optional)
        {
            // An empty requirement: the operation also works without the token (OpenAPI's "optional security").
            operation.Security.Add(new OpenApiSecurityRequirement());
        }
    }

    /// <summary>An action that asks for authorization and does not also allow anonymous callers.</summary>
    public static bool RequiresToken(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
}
