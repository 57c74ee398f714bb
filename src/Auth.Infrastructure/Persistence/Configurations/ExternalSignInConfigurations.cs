using Auth.Application.External.Common;
using Auth.Domain.External;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Infrastructure.Persistence.Configurations;

internal sealed class ExternalAuthorizationConfiguration : IEntityTypeConfiguration<ExternalAuthorization>
{
    public void Configure(EntityTypeBuilder<ExternalAuthorization> builder)
    {
        builder.ToTable("ExternalAuthorizations");
        builder.HasKey(a => a.StateHash);
        builder.Property(a => a.StateHash).HasMaxLength(128);
        builder.Property(a => a.Provider).HasMaxLength(ExternalIdentity.MaxProviderLength).IsRequired();
        builder.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ExchangeChallenge).HasMaxLength(ExchangeProof.ChallengeLength);
        builder.Property(a => a.Nonce).HasMaxLength(128).IsRequired();
        builder.Property(a => a.CodeVerifier).HasMaxLength(128).IsRequired();
        builder.Property(a => a.ReturnUrl).HasMaxLength(ExternalAuthorization.MaxUrlLength).IsRequired();
        builder.Property(a => a.RedirectUri).HasMaxLength(ExternalAuthorization.MaxUrlLength).IsRequired();
        // Housekeeping deletes the redirects nobody came back from.
        builder.HasIndex(a => a.ExpiresAt).HasDatabaseName("IX_ExternalAuthorizations_ExpiresAt");
    }
}

internal sealed class ExternalSignInGrantConfiguration : IEntityTypeConfiguration<ExternalSignInGrant>
{
    public void Configure(EntityTypeBuilder<ExternalSignInGrant> builder)
    {
        builder.ToTable("ExternalSignInGrants");
        builder.HasKey(g => g.CodeHash);
        builder.Property(g => g.CodeHash).HasMaxLength(128);
        builder.Property(g => g.ExchangeChallenge).HasMaxLength(ExchangeProof.ChallengeLength).IsRequired();
        builder.Property(g => g.Provider).HasMaxLength(ExternalIdentity.MaxProviderLength).IsRequired();
        builder.Property(g => g.Subject).HasMaxLength(ExternalIdentity.MaxSubjectLength).IsRequired();
        builder.Property(g => g.Email).HasMaxLength(Auth.Domain.Users.Email.MaxLength);
        builder.Property(g => g.Name).HasMaxLength(256);
        builder.Property(g => g.Amr).HasMaxLength(256).IsRequired();
        builder.HasIndex(g => g.ExpiresAt).HasDatabaseName("IX_ExternalSignInGrants_ExpiresAt");
    }
}
