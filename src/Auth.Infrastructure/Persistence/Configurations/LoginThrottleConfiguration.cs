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
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(LoginThrottle.MaxKeyLength);
    }
}
