using Auth.Domain.External;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class ExternalIdentityConfiguration : IEntityTypeConfiguration<ExternalIdentity>
{
    /// <summary>A provider's account belongs to one account here; two first sign-ins racing with it make one.</summary>
    public const string SubjectIndexName = "IX_ExternalIdentities_Provider_Subject";

    public void Configure(EntityTypeBuilder<ExternalIdentity> builder)
    {
        builder.ToTable("ExternalIdentities");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Provider).HasMaxLength(ExternalIdentity.MaxProviderLength).IsRequired();
        builder.Property(i => i.Subject).HasMaxLength(ExternalIdentity.MaxSubjectLength).IsRequired();
        builder.Property(i => i.Email).HasMaxLength(Email.MaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.UserId).HasDatabaseName("IX_ExternalIdentities_UserId");
        builder.HasIndex(i => new { i.Provider, i.Subject }).IsUnique().HasDatabaseName(SubjectIndexName);
    }
}
