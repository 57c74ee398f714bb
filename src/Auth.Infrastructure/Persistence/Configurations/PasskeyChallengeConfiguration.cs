using Auth.Domain.Passkeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class PasskeyChallengeConfiguration : IEntityTypeConfiguration<PasskeyChallenge>
{
    public void Configure(EntityTypeBuilder<PasskeyChallenge> builder)
    {
        builder.ToTable("PasskeyChallenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Ceremony).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Options).IsRequired();
        // No foreign key: a sign-in narrowed to an unknown email stores an id no account has.
        builder.HasIndex(c => c.UserId).HasDatabaseName("IX_PasskeyChallenges_UserId");
        // Housekeeping deletes expired challenges.
        builder.HasIndex(c => c.ExpiresAt).HasDatabaseName("IX_PasskeyChallenges_ExpiresAt");
    }
}
