using Auth.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class SessionRevocationConfiguration : IEntityTypeConfiguration<SessionRevocation>
{
    public void Configure(EntityTypeBuilder<SessionRevocation> builder)
    {
        builder.ToTable("SessionRevocations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();

        // No foreign key to Sessions: a revocation must outlive the session row (account delete).
        builder.HasIndex(r => r.RevokedAt).HasDatabaseName("IX_SessionRevocations_RevokedAt");
        builder.HasIndex(r => r.ExpiresAt).HasDatabaseName("IX_SessionRevocations_ExpiresAt");
    }
}
