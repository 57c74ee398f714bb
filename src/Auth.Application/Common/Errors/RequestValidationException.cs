namespace Auth.Application.Common.Errors;

/// <summary>
/// Thrown by the validation pipeline before a handler runs; the Api maps it, in one place, to
/// 400 <c>validation_failed</c>. See docs/decisions/0001-validation-failures.md.
/// </summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is not valid.")
{
    /// <summary>Messages by camelCase request property name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
