using Auth.Domain.Passkeys;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class PasskeyConfiguration : IEntityTypeConfiguration<Passkey>
{
    public void Configure(EntityTypeBuilder<Passkey> builder)
    {
        builder.ToTable("Passkeys");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CredentialId).HasMaxLength(Passkey.MaxCredentialIdLength).IsRequired();
        builder.Property(p => p.PublicKey).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(Passkey.MaxNameLength * 2).IsRequired();
        builder.PrimitiveCollection(p => p.Transports).IsRequired();

        // A cloned device-bound key racing its original: only one of two sign-ins reporting a counter commits.
        builder.Property(p => p.SignCount).IsConcurrencyToken();

        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.UserId).HasDatabaseName("IX_Passkeys_UserId");
        // A credential belongs to one account; a sign-in finds it by this id alone.
        builder.HasIndex(p => p.CredentialId).IsUnique().HasDatabaseName("IX_Passkeys_CredentialId");
    }
}
