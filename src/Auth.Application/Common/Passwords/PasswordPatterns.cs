namespace Auth.Application.Common.Passwords;

/// <summary>Passwords that are a pattern rather than a choice: one character held down, a unit repeated, a sequence.</summary>
public static class PasswordPatterns
{
    /// <summary>Sequences people type as a password: the alphabet, the digits, the keyboard's rows.</summary>
    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz",
        "01234567890",
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
        "!@#$%^&*()",
        "qwertzuiop",
        "azertyuiop",
    ];

    private const int MinSequenceLength = 4;

    /// <summary>A run of one character over half the password, or the whole password one unit repeated.</summary>
    public static bool IsRepetitive(string password)
    {
        var lower = password.ToLowerInvariant();
        return LongestRun(lower) * 2 >= lower.Length || IsRepeatedUnit(lower);
    }

    /// <summary>
    /// The whole password, or its core without leading and trailing digits or symbols, is one keyboard, alphabet or
    /// number sequence, forwards or backwards (<c>qwertyuiop</c>, <c>98765432</c>, <c>Asdfgh!!</c>).
    /// </summary>
    public static bool IsSequence(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        return IsOneSequence(lower) || IsOneSequence(PasswordDisguises.TrimEdges(lower));
    }

    private static int LongestRun(string value)
    {
        var longest = 0;
        for (int i = 0, run = 0; i < value.Length; i++)
        {
            run = i > 0 && value[i] == value[i - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static bool IsRepeatedUnit(string value)
    {
        for (var unit = 1; unit <= value.Length / 2; unit++)
        {
            if (value.Length % unit == 0 && value.AsSpan(unit).SequenceEqual(value.AsSpan(0, value.Length - unit)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneSequence(string value)
    {
        if (value.Length < MinSequenceLength)
        {
            return false;
        }

        foreach (var sequence in Sequences)
        {
            if (sequence.Contains(value, StringComparison.Ordinal) || Reversed(sequence).Contains(value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Reversed(string value) => string.Create(value.Length, value, static (span, source) =>
    {
        source.AsSpan().CopyTo(span);
        span.Reverse();
    });
}
