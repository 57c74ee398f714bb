using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public const string EmailIndexName = "IX_Users_NormalizedEmail";

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Email).HasMaxLength(Email.MaxLength).IsRequired();
        builder.Property(u => u.NormalizedEmail).HasMaxLength(Email.MaxLength).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(DisplayName.MaxLength).IsRequired();
        builder.Property(u => u.PasswordHash).HasMaxLength(256).IsRequired();
        builder.PrimitiveCollection(u => u.Roles).IsRequired();
        builder.Ignore(u => u.IsDisabled);
        builder.Ignore(u => u.DomainEvents);
        // A concurrency token: a sign-in or admin change checked against an older stamp fails at commit.
        builder.Property(u => u.SecurityStamp).IsConcurrencyToken();

        // Encrypted (a version prefix, nonce, ciphertext and tag in base64url): about 80 characters.
        builder.Property(u => u.TotpSecret).HasMaxLength(256);
        builder.Property(u => u.PendingTotpSecret).HasMaxLength(256);
        // A concurrency token: of two requests spending the same code, one commits and the other retries and is refused.
        builder.Property(u => u.TotpLastUsedStep).IsConcurrencyToken();
        builder.Ignore(u => u.HasMfa);

        // Settles concurrent signups: exactly one insert per normalized email can win.
        builder.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName(EmailIndexName);
    }
}
