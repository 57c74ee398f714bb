using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Auth.Api.Hosting;

/// <summary>
/// Every options section of the service, bound and validated at once before anything touches the database, so an
/// operator sees every bad setting in one start instead of one per crash. Each problem names its setting.
/// </summary>
internal static class ConfigurationCheck
{
    private static readonly HashSet<Type> OptionsServices =
        [typeof(IConfigureOptions<>), typeof(IPostConfigureOptions<>), typeof(IValidateOptions<>)];

    /// <summary>The service's own options classes: each <c>Auth.*</c> type that something configures or validates.</summary>
    public static IReadOnlyList<Type> OptionTypes(IServiceCollection services) =>
        [.. services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && OptionsServices.Contains(t.GetGenericTypeDefinition()))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("Auth.", StringComparison.Ordinal) == true)
            .Distinct()];

    /// <summary>Binds and validates each options type; the problems of all of them, empty when the configuration is good.</summary>
    public static IReadOnlyList<string> FindProblems(IServiceProvider services, IEnumerable<Type> optionTypes)
    {
        var problems = new List<string>();
        foreach (var type in optionTypes)
        {
            var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            try
            {
                _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
            }
            catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException invalid)
            {
                problems.AddRange(invalid.Failures);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                // The binder names the key ("Failed to convert configuration value at 'Jwt:ClockSkew' ..."); anything
                // else that fails while an options class is built is reported with the class it belongs to.
                problems.Add(e.InnerException is InvalidOperationException { Message: var message } && message.Contains(" at '", StringComparison.Ordinal)
                    ? message
                    : $"{type.Name}: {e.InnerException.Message}");
            }
        }

        return problems;
    }

    /// <summary>What an operator reads: every problem on its own line, and no stack trace.</summary>
    public static string Describe(IReadOnlyList<string> problems)
    {
        var text = new System.Text.StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Auth cannot start: {problems.Count} configuration problem{(problems.Count == 1 ? "" : "s")}. Nothing was changed.");
        foreach (var problem in problems)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {problem}");
        }

        return text.AppendLine("Fix these settings (appsettings.*.json or environment variables such as Jwt__Keys__0__PemFile) and start again.").ToString();
    }
}
