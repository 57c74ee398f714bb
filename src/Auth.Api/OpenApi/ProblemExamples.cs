using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Api.Errors;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Passwords;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Auth.Api.OpenApi;

/// <summary>
/// The example problem body of a code, made the way the service makes the real one: the error catalogue's message
/// as <c>detail</c>, then the same problem-details factory and customization for <c>type</c> and <c>title</c>. A test
/// compares these with real answers, so the document cannot drift from the wire.
/// </summary>
internal sealed class ProblemExamples(IServiceProvider services)
{
    /// <summary>A fixed trace id: the real one differs per request.</summary>
    public const string ExampleTraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private const string ExampleMfaToken = "h2V1b3NlY3JldHRva2VudmFsdWVmb3JleGFtcGxl";

    /// <summary>What the service answers with <paramref name="code"/>; refuses a code the catalogue lacks or another status's.</summary>
    public JsonObject For(int status, string code)
    {
        var error = ErrorCatalogue.Find(code)
            ?? throw new InvalidOperationException($"The OpenAPI document names `{code}`, which is not in the error catalogue (AuthErrors).");
        if (ProblemStatus.For(error) != status)
        {
            throw new InvalidOperationException($"The OpenAPI document lists `{code}` under {status}, but the service answers it with {ProblemStatus.For(error)}.");
        }

        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.StatusCode = status;
        var factory = services.GetRequiredService<ProblemDetailsFactory>();
        ProblemDetails problem;
        if (code == AuthErrors.ValidationFailedCode)
        {
            var validation = factory.CreateValidationProblemDetails(http, new ModelStateDictionary(), status, detail: error.Message);
            validation.Errors["email"] = ["'Email' is not a valid email address."];
            problem = validation;
        }
        else if (code == AuthErrors.BadRequest.Code)
        {
            problem = factory.CreateProblemDetails(http, status, detail: InvalidModelStateResponse.NotJsonDetail(1, 28));
            problem.Extensions["line"] = 1;
            problem.Extensions["column"] = 28;
        }
        else
        {
            var example = Representative(error);
            problem = factory.CreateProblemDetails(http, status, detail: example.Message);
            if (example.Reasons is { } reasons)
            {
                problem.Extensions["reasons"] = reasons;
            }

            foreach (var (name, value) in example.Extensions ?? new Dictionary<string, object>())
            {
                problem.Extensions[name] = value;
            }
        }

        problem.Extensions["code"] = code;
        ProblemDetailsCustomization.Apply(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        problem.Extensions["traceId"] = ExampleTraceId;
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        return JsonSerializer.SerializeToNode(problem, problem.GetType(), json)!.AsObject();
    }

    // The catalogue's errors made with neutral arguments; an example shows a realistic one.
    private static Error Representative(Error error) => error.Code switch
    {
        AuthErrors.WeakPasswordCode => AuthErrors.WeakPassword([PasswordWeakness.TooCommon]),
        AuthErrors.MfaRequiredCode => AuthErrors.MfaRequired(ExampleMfaToken),
        AuthErrors.MfaEnrollmentRequiredCode => AuthErrors.MfaEnrollmentRequired(ExampleMfaToken),
        _ => error,
    };
}
