namespace Auth.Application.Common.Passwords;

/// <summary>
/// Undoes the usual ways people dress up a common password: capitals, a run of digits or symbols before or after
/// it (<c>Password123!</c>), and letters swapped for look-alikes (<c>p@ssw0rd</c>).
/// </summary>
public static class PasswordDisguises
{
    /// <summary>
    /// A core shorter than this is not judged by itself: a three-letter word says little of the guessing cost when
    /// digits or symbols around it carry the rest.
    /// </summary>
    public const int MinCoreLength = 4;

    /// <summary>The lower-case forms to look up: the password itself, then its undisguised cores.</summary>
    public static IEnumerable<string> Candidates(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        yield return lower;
        var core = TrimEdges(lower);
        foreach (var candidate in new[] { core, Unleet(lower, 'i'), Unleet(lower, 'l'), Unleet(core, 'i'), Unleet(core, 'l'), TrimEdges(Unleet(lower, 'i')) })
        {
            if (candidate.Length >= MinCoreLength && candidate != lower)
            {
                yield return candidate;
            }
        }
    }

    /// <summary>Strips a leading and a trailing run of anything but letters (digits, symbols, spaces).</summary>
    public static string TrimEdges(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && !char.IsLetter(value[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetter(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    /// <summary>Reads look-alike digits and symbols as the letters they stand for; <c>1</c> as <paramref name="one"/>.</summary>
    public static string Unleet(string value, char one) => string.Create(value.Length, (value, one), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.value[i] switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '1' => state.one,
                '!' or '|' => 'i',
                '3' => 'e',
                '$' or '5' => 's',
                '7' or '+' => 't',
                var c => c,
            };
        }
    });
}
