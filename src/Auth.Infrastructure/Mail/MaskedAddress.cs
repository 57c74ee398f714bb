namespace Auth.Infrastructure.Mail;

/// <summary>An address fit for a log line: enough to tell mails apart, not enough to read who they were for.</summary>
internal static class MaskedAddress
{
    public static string Of(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return "***";
        }

        var local = address[..at];
        return $"{local[0]}***{address[at..]}";
    }
}
