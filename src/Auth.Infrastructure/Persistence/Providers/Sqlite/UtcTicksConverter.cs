using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Auth.Infrastructure.Persistence.Providers.Sqlite;

/// <summary>
/// A <see cref="DateTimeOffset"/> as the UTC ticks of its instant, for SQLite, which has no date type. The same
/// instant written with any offset stores, compares and orders as one number, in SQL and in query parameters alike;
/// read back, it is in UTC. (EF's <c>DateTimeOffsetToBinaryConverter</c> packs the local ticks with the offset, so
/// <c>12:00+05:00</c> sorted after <c>08:00Z</c>, the same instant.)
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
