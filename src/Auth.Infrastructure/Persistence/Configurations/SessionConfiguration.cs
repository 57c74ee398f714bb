using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public const string UserIndexName = "IX_Sessions_UserId_EndedAt";

    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.Ignore(s => s.DomainEvents);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ClientAddress).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(Session.MaxUserAgentLength);
        builder.Property(s => s.EndReason).HasConversion<string>().HasMaxLength(32);
        builder.PrimitiveCollection(s => s.Amr).IsRequired();
        builder.Ignore(s => s.Aal);

        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);

        // "The user's active sessions": logout everywhere, session lists, password change.
        builder.HasIndex(s => new { s.UserId, s.EndedAt }).HasDatabaseName(UserIndexName);
    }
}
