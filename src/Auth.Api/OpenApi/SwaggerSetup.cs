using Microsoft.OpenApi;

namespace Auth.Api.OpenApi;

internal static class SwaggerSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddAuthSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSingleton<ProblemExamples>();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Auth API",
                Version = "v1",
                Description = "JWT authentication: signup, login, logout that really ends the session, and the user's own account. "
                    + "Every error is application/problem+json (RFC 9457) with a stable `code` and a `traceId`.",
            });
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "Auth.Api.xml"), includeControllerXmlComments: true);
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Paste the accessToken from signup or login.",
            });
            options.OperationFilter<BearerOperationFilter>();
            options.OperationFilter<ProblemResponsesFilter>();
            options.SchemaFilter<ProblemSchemaFilter>();
            options.SchemaFilter<RequiredMembersSchemaFilter>();
            options.DocumentFilter<HealthEndpointsDocumentFilter>();
            // Last: it orders what the other filters added.
            options.DocumentFilter<TagOrderDocumentFilter>();
            options.CustomOperationIds(OperationIds.For);
            // string and string? differ in C#; so they should in generated clients (no "| null" on what is always set).
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }
}
