using FluentValidation.Results;

namespace Auth.UnitTests.Support;

internal static class ValidationResultExtensions
{
    /// <summary>The distinct properties that failed, in order, so a test can say "exactly this one".</summary>
    public static string[] FailedProperties(this ValidationResult result) =>
        result.Errors.Select(e => e.PropertyName).Distinct().ToArray();

    public static string[] MessagesFor(this ValidationResult result, string propertyName) =>
        result.Errors.Where(e => e.PropertyName == propertyName).Select(e => e.ErrorMessage).ToArray();
}
