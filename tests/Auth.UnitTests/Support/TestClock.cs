using Microsoft.Extensions.Time.Testing;

namespace Auth.UnitTests.Support;

/// <summary>A fixed starting instant, so that every time in a test is a known offset from it.</summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
