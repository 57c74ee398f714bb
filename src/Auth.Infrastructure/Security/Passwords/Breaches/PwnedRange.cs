using System.Collections.Frozen;

namespace Auth.Infrastructure.Security.Passwords.Breaches;

/// <summary>One range answer: the SHA-1 suffixes (35 upper-case hex characters) seen in breaches.</summary>
internal sealed class PwnedRange(FrozenSet<string> suffixes)
{
    public int Count => suffixes.Count;

    public bool Contains(string suffix) => suffixes.Contains(suffix);

    /// <summary>
    /// Parses <c>SUFFIX:COUNT</c> lines. Padding entries have a count of 0 and are not breaches, so they are dropped.
    /// </summary>
    public static PwnedRange Parse(string body)
    {
        var suffixes = new List<string>();
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon != 35 || !long.TryParse(line.AsSpan(colon + 1), out var count) || count < 0)
            {
                throw new FormatException("Not a range line (SUFFIX:COUNT).");
            }

            if (count > 0)
            {
                suffixes.Add(line[..colon].ToUpperInvariant());
            }
        }

        return new PwnedRange(suffixes.ToFrozenSet(StringComparer.Ordinal));
    }
}
