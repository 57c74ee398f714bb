using System.Text.Json;
using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Auth.Api.Errors;

/// <summary>
/// Body binding failures. A body that is not JSON at all (a syntax error, cut short, nested too deep) is
/// <c>bad_request</c> with the line and column where reading stopped; a body that is JSON of the wrong shape (a
/// number where a string belongs, a key twice, no body) is <c>validation_failed</c> in the validators' shape, keyed
/// by camelCase request property.
/// </summary>
internal static class InvalidModelStateResponse
{
    private const string BodyKey = "body";

    public static IActionResult Create(ActionContext context)
    {
        if (SyntaxError(context) is { } syntax)
        {
            return NotJson(context, syntax);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // Only the body parameter's own key means "the body"; a query or route parameter keeps its name.
        var parameterNames = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource is null || p.BindingInfo.BindingSource == BindingSource.Body)
            .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.ValidationState != ModelValidationState.Invalid)
            {
                continue;
            }

            var field = FieldName(key, parameterNames);
            var messages = entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "The value is not valid." : e.ErrorMessage);
            errors[field] = [.. errors.GetValueOrDefault(field, []).Concat(messages).Distinct()];
        }

        // "The request field is required" only repeats a field error when one exists; alone, it names a C# parameter.
        if (errors.Count > 1)
        {
            errors.Remove(BodyKey);
        }
        else if (errors.ContainsKey(BodyKey))
        {
            errors[BodyKey] = ["A JSON request body is required."];
        }

        var problem = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>()
            .CreateValidationProblemDetails(context.HttpContext, new ModelStateDictionary(), StatusCodes.Status400BadRequest,
                detail: ProblemDetail.ForInvalid(context.HttpContext, errors.Keys, AuthErrors.ValidationFailed.Message));
        foreach (var (field, messages) in errors)
        {
            problem.Errors[field] = messages;
        }

        problem.Extensions["code"] = AuthErrors.ValidationFailedCode;
        return ErrorResults.ProblemResult(problem);
    }

    // System.Text.Json wraps the reader's own exception (itself a JsonException) when the text is not JSON; a value
    // that does not fit the type is a JsonException of the serializer's with no such inner exception.
    private static JsonException? SyntaxError(ActionContext context) =>
        context.ModelState.Values.SelectMany(e => e.Errors)
            .Select(e => e.Exception).OfType<JsonException>()
            .FirstOrDefault(e => e.InnerException is JsonException);

    private static IActionResult NotJson(ActionContext context, JsonException syntax)
    {
        // Zero-based in the exception; people and editors count from one.
        var line = (syntax.LineNumber ?? 0) + 1;
        var column = (syntax.BytePositionInLine ?? 0) + 1;
        var problem = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>()
            .CreateProblemDetails(context.HttpContext, StatusCodes.Status400BadRequest,
                detail: NotJsonDetail(line, column));
        problem.Extensions["code"] = AuthErrors.BadRequest.Code;
        problem.Extensions["line"] = line;
        problem.Extensions["column"] = column;
        return ErrorResults.ProblemResult(problem);
    }

    public static string NotJsonDetail(long line, long column) =>
        $"The request body is not valid JSON: reading stopped at line {line}, column {column}.";

    // System.Text.Json reports "$.email" or "$.user.name"; the body itself is "" or the action parameter's name.
    private static string FieldName(string key, HashSet<string> parameterNames)
    {
        var path = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key.TrimStart('$');
        if (path.Length == 0 || parameterNames.Contains(path))
        {
            return BodyKey;
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        var end = new[] { dot, bracket }.Where(i => i > 0).DefaultIfEmpty(path.Length).Min();
        var name = path[..end];
        if (parameterNames.Any(p => name.Equals(p, StringComparison.OrdinalIgnoreCase)) && end < path.Length)
        {
            name = path[(end + 1)..];
        }

        return System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
    }
}
