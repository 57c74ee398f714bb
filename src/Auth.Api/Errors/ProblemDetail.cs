namespace Auth.Api.Errors;

/// <summary>
/// The <c>detail</c> of a 400 <c>validation_failed</c>: when every failing field came from the query string, it
/// names the query parameters, so a client is not told to fix a body it never sent.
/// </summary>
internal static class ProblemDetail
{
    public static string ForInvalid(HttpContext context, IReadOnlyCollection<string> fields, string otherwise)
    {
        var query = context.Request.Query;
        if (fields.Count == 0 || !fields.All(f => query.Keys.Contains(f, StringComparer.OrdinalIgnoreCase)))
        {
            return otherwise;
        }

        return fields.Count == 1
            ? $"The query parameter '{fields.First()}' is not valid."
            : $"The query parameters {string.Join(", ", fields.Select(f => $"'{f}'"))} are not valid.";
    }
}
