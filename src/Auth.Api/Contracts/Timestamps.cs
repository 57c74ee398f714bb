namespace Auth.Api.Contracts;

/// <summary>
/// Times as responses show them: UTC, whole milliseconds. The databases keep less than .NET's 100 ns ticks, so
/// without this a value just created and the same value read back would print differently.
/// </summary>
internal static class Timestamps
{
    public static DateTime ForJson(this DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
