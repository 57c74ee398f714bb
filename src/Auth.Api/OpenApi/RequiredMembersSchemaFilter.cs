using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Auth.Api.OpenApi;

/// <summary>Marks the members carrying <see cref="RequiredInRequestAttribute"/> required and not nullable.</summary>
internal sealed class RequiredMembersSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema objectSchema || objectSchema.Properties is null)
        {
            return;
        }

        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<RequiredInRequestAttribute>() is not null))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!objectSchema.Properties.TryGetValue(name, out var member))
            {
                throw new InvalidOperationException($"{context.Type.Name}.{property.Name} is marked required but has no '{name}' in its schema.");
            }

            objectSchema.Required ??= new HashSet<string>(StringComparer.Ordinal);
            objectSchema.Required.Add(name);
            if (member is OpenApiSchema memberSchema && memberSchema.Type is { } type)
            {
                memberSchema.Type = type & ~JsonSchemaType.Null;
            }
        }
    }
}
