using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Auth.Api.Errors;

/// <summary>
/// Body binding failures (malformed JSON, a number where a string belongs, no body) in the same
/// <c>validation_failed</c> shape as validator failures, keyed by camelCase request property.
/// </summary>
internal static class InvalidModelStateResponse
{
    private const string BodyKey = "body";

    public static IActionResult Create(ActionContext context)
    {
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
                detail: ProblemDetail.ForInvalid(context.HttpContext, errors.Keys, "The request body is not valid."));
        foreach (var (field, messages) in errors)
        {
            problem.Errors[field] = messages;
        }

        problem.Extensions["code"] = AuthErrors.ValidationFailedCode;
        return ErrorResults.ProblemResult(problem);
    }

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
