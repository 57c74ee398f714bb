using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class LoginThrottleConfiguration : IEntityTypeConfiguration<LoginThrottle>
{
    public const string TableName = "LoginThrottles";

    public void Configure(EntityTypeBuilder<LoginThrottle> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(t => t.NormalizedEmail);
        builder.Property(t => t.NormalizedEmail).HasMaxLength(Email.MaxLength + 2);

        // Concurrent failures for one email must each count: a write based on a stale read is refused and retried.
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
