using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Deployment;

/// <summary>
/// README's configuration table promises that every default it gives is in <c>src/Auth.Api/appsettings.json</c>,
/// so an operator reading that file sees every setting. Each key the table gives a literal default must be there
/// with that value.
/// </summary>
public sealed partial class DocumentedDefaultsTests
{
    [Test]
    public void Every_default_the_readme_gives_is_in_appsettings_json_with_the_same_value()
    {
        var root = TestPaths.RepositoryRoot();
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "src", "Auth.Api", "appsettings.json")))!;
        var documented = DocumentedDefaults(File.ReadAllLines(Path.Combine(root, "README.md"))).ToList();

        var wrong = documented
            .Select(d => (d.Key, d.Default, Actual: ValueAt(settings, d.Key)))
            .Where(d => d.Actual != d.Default)
            .Select(d => $"{d.Key}: README `{d.Default}`, appsettings.json {(d.Actual is null ? "missing" : $"`{d.Actual}`")}")
            .ToList();

        Assert.That(documented, Has.Count.GreaterThan(80), "the table was found and read");
        Assert.That(wrong, Is.Empty);
    }

    /// <summary>Rows of the table under "## Configuration": keys in the first cell, defaults in the second.</summary>
    private static IEnumerable<(string Key, string Default)> DocumentedDefaults(string[] readme)
    {
        var rows = readme.SkipWhile(l => l != "## Configuration").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal));
        foreach (var row in rows)
        {
            var cells = row.Split('|');
            var keys = Keys(cells[1]);
            // "`a` / `b`": one default per key; "none", "empty", "always" or a sentence: no literal default.
            var defaults = cells[2].Split(" / ").Select(d => d.Trim()).ToArray();
            if (keys.Count == 0 || keys.Any(k => k.Contains(":N:", StringComparison.Ordinal)) || defaults.Length != keys.Count)
            {
                continue;
            }

            for (var i = 0; i < keys.Count; i++)
            {
                if (Literal().Match(defaults[i]) is { Success: true } literal)
                {
                    yield return (keys[i], literal.Groups[1].Value);
                }
            }
        }
    }

    /// <summary>"`Section:A` / `B`" names Section:A and Section:B; "`X:A` / `Y:B`" both in full.</summary>
    private static List<string> Keys(string cell)
    {
        var named = Quoted().Matches(cell).Select(m => m.Groups[1].Value).ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var first = named[0];
        var parent = first[..(first.LastIndexOf(':') + 1)];
        return [first, .. named.Skip(1).Select(k => k.Contains(':', StringComparison.Ordinal) ? k : parent + k)];
    }

    private static string? ValueAt(JsonNode settings, string key)
    {
        JsonNode? node = settings;
        foreach (var part in key.Split(':'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            _ => node.ToJsonString(),
        };
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    /// <summary>A default that starts with a quoted literal ("`0` (processor count)" is 0).</summary>
    [GeneratedRegex("^`([^`]*)`")]
    private static partial Regex Literal();
}
