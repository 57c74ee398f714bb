using Auth.Domain.Mfa;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class MfaChallengeConfiguration : IEntityTypeConfiguration<MfaChallenge>
{
    public void Configure(EntityTypeBuilder<MfaChallenge> builder)
    {
        builder.ToTable("MfaChallenges");
        builder.HasKey(c => c.TokenHash);
        builder.Property(c => c.TokenHash).HasMaxLength(64);
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.UserAgent).HasMaxLength(Session.MaxUserAgentLength);

        // Single use under concurrency: two verifications of one token cannot both spend it.
        builder.Property(c => c.SpentAt).IsConcurrencyToken();

        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.UserId).HasDatabaseName("IX_MfaChallenges_UserId");
        // Housekeeping deletes expired challenges.
        builder.HasIndex(c => c.ExpiresAt).HasDatabaseName("IX_MfaChallenges_ExpiresAt");
    }
}
