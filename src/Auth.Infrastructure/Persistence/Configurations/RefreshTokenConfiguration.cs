using Auth.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("RefreshTokens");
        builder.HasKey(t => t.Hash);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.SealedSuccessor).HasMaxLength(256);

        // Exactly-once rotation: the UPDATE that marks a token used also requires UsedAt to be still null,
        // so of N concurrent refreshes one commits and the rest see a concurrency conflict.
        builder.Property(t => t.UsedAt).IsConcurrencyToken();

        builder.HasOne<Session>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.SessionId).HasDatabaseName("IX_RefreshTokens_SessionId");
    }
}
