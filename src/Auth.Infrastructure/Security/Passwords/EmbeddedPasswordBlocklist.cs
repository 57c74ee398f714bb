using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using Auth.Application.Abstractions;

namespace Auth.Infrastructure.Security.Passwords;

/// <summary>
/// The common-password list embedded in this assembly (Blocklist/common-passwords.txt.gz, from
/// <c>@zxcvbn-ts/language-common</c>, see Blocklist/SOURCE.md), read once on first use into a frozen set.
/// </summary>
internal sealed class EmbeddedPasswordBlocklist : IPasswordBlocklist
{
    private const string ResourceName = "Auth.Infrastructure.Security.Passwords.Blocklist.common-passwords.txt.gz";

    // Loaded on first use rather than at start: it costs tens of milliseconds that the time to ready need not pay.
    private readonly Lazy<FrozenSet<string>> passwords = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public int Count => passwords.Value.Count;

    public bool Contains(string lowerCasePassword) => passwords.Value.Contains(lowerCasePassword);

    private static FrozenSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The password blocklist {ResourceName} is not embedded.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var entries = new List<string>(50_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                entries.Add(line);
            }
        }

        return entries.ToFrozenSet(StringComparer.Ordinal);
    }
}
