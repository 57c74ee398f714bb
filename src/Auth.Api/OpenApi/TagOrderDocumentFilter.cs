using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Auth.Api.OpenApi;

/// <summary>
/// Swagger UI shows groups in the order of the document's tags and paths: signing in first, then what a signed-in
/// user does, then administration, then what machines call. Each tag keeps its controller's one-line summary.
/// </summary>
internal sealed class TagOrderDocumentFilter : IDocumentFilter
{
    public const string HealthTag = "Health";

    /// <summary>Tags not listed (a new controller) go before the machine-facing ones, until someone places them.</summary>
    private static readonly string[] Order =
        ["Auth", "ExternalSignIn", "Mfa", "Passkeys", "Identities", "Password", "Email", "Sessions", "User", "Activity", "AdminUsers", "AdminAudit", "WellKnown", HealthTag];

    private static readonly int Unlisted = Array.IndexOf(Order, "WellKnown");

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.Tags ??= new HashSet<OpenApiTag>();
        if (!swaggerDoc.Tags.Any(t => t.Name == HealthTag))
        {
            swaggerDoc.Tags.Add(new OpenApiTag { Name = HealthTag, Description = "Liveness and readiness probes for orchestrators and load balancers." });
        }

        swaggerDoc.Tags = new HashSet<OpenApiTag>(swaggerDoc.Tags.OrderBy(t => Rank(t.Name)).ThenBy(t => t.Name, StringComparer.Ordinal));

        var ordered = swaggerDoc.Paths
            .OrderBy(p => p.Value.Operations?.Values.SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => Rank(t.Name)).DefaultIfEmpty(Order.Length).Min() ?? Order.Length)
            .ToList();
        swaggerDoc.Paths.Clear();
        foreach (var (path, item) in ordered)
        {
            swaggerDoc.Paths.Add(path, item);
        }
    }

    private static int Rank(string? tag) => Array.IndexOf(Order, tag) is var i and >= 0 ? i : Unlisted;
}
