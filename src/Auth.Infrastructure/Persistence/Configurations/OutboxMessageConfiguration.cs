using Auth.Domain.Sessions;
using Auth.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(100).IsRequired();
        builder.Property(m => m.ClientAddress).HasMaxLength(64);
        builder.Property(m => m.UserAgent).HasMaxLength(Session.MaxUserAgentLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);

        // The dispatcher's question (what is due) and the pruner's (what was delivered long ago).
        builder.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt }).HasDatabaseName("IX_OutboxMessages_ProcessedAt_NextAttemptAt");
        builder.HasIndex(m => m.LeaseOwner).HasDatabaseName("IX_OutboxMessages_LeaseOwner");
    }
}
