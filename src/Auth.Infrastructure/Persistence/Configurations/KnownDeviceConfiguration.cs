using Auth.Domain.Devices;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class KnownDeviceConfiguration : IEntityTypeConfiguration<KnownDevice>
{
    public void Configure(EntityTypeBuilder<KnownDevice> builder)
    {
        builder.ToTable("KnownDevices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.TokenHash).HasMaxLength(64);
        builder.Property(d => d.ClientAddress).HasMaxLength(64);
        builder.Property(d => d.UserAgent).HasMaxLength(Session.MaxUserAgentLength);

        // Deleting the account forgets its devices.
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.TokenHash).IsUnique().HasDatabaseName("IX_KnownDevices_TokenHash");
        builder.HasIndex(d => d.UserId).HasDatabaseName("IX_KnownDevices_UserId");
    }
}
