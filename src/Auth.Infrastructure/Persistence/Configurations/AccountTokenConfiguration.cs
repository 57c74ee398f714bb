using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> builder)
    {
        builder.ToTable("AccountTokens");
        builder.HasKey(t => t.Hash);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Email).HasMaxLength(Email.MaxLength);

        // Single use under concurrency: marking a token used requires UsedAt to be still null, so of two
        // concurrent redemptions one commits and the other sees a conflict.
        builder.Property(t => t.UsedAt).IsConcurrencyToken();

        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.UserId, t.Purpose, t.CreatedAt }).HasDatabaseName("IX_AccountTokens_UserId_Purpose_CreatedAt");
    }
}
