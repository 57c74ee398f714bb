using System.Reflection;

namespace Auth.Application.Common.Errors;

/// <summary>
/// Every error <see cref="AuthErrors"/> names, read once by reflection: its fields, and what its factories make
/// (with neutral arguments: their codes and messages never depend on them). The OpenAPI document takes its codes and
/// texts from here, so the contract cannot name a code the service does not have.
/// </summary>
public static class ErrorCatalogue
{
    public static IReadOnlyList<(string Name, Error Error)> Entries { get; } = Load();

    /// <summary>The codes a client can receive: every code except those handlers resolve before answering.</summary>
    public static IReadOnlyList<string> ClientCodes { get; } =
        [.. Entries.Select(e => e.Error).Where(e => e != AuthErrors.ConcurrentUpdate).Select(e => e.Code).Distinct().Order(StringComparer.Ordinal)];

    public static Error? Find(string code) => Entries.Select(e => e.Error).FirstOrDefault(e => e.Code == code);

    private static List<(string, Error)> Load()
    {
        const BindingFlags PublicStatic = BindingFlags.Public | BindingFlags.Static;
        var fields = typeof(AuthErrors).GetFields(PublicStatic)
            .Where(f => f.FieldType == typeof(Error))
            .Select(f => (f.Name, (Error)f.GetValue(null)!));
        var made = typeof(AuthErrors).GetMethods(PublicStatic)
            .Where(m => m.ReturnType == typeof(Error))
            .Select(m => (m.Name, (Error)m.Invoke(null, [.. m.GetParameters().Select(p => Neutral(p.ParameterType))])!));
        return [.. fields.Concat(made)];
    }

    private static object? Neutral(Type type) => type == typeof(string) ? "" : Activator.CreateInstance(type);
}
