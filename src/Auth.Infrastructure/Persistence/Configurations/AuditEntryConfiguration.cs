using Auth.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(40).IsRequired();
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(AuditEntry.MaxUserAgentLength);

        // No foreign key to Users: the trail outlives deleted accounts.
        builder.HasIndex(e => e.At).HasDatabaseName("IX_AuditEntries_At");
        builder.HasIndex(e => new { e.UserId, e.At }).HasDatabaseName("IX_AuditEntries_UserId_At");
    }
}
