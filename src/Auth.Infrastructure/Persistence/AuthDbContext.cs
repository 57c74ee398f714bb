using Auth.Domain.Audit;
using Auth.Domain.Devices;
using Auth.Domain.External;
using Auth.Domain.Mfa;
using Auth.Domain.Passkeys;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence;

/// <summary>
/// The one model every provider shares. Each provider has a derived context only so that it can keep its own
/// migrations and compiled model (in its folder under Providers/, see <see cref="Providers.DatabaseProvider"/>).
/// </summary>
public abstract class AuthDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<SessionRevocation> SessionRevocations => Set<SessionRevocation>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<KnownDevice> KnownDevices => Set<KnownDevice>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    public DbSet<MfaChallenge> MfaChallenges => Set<MfaChallenge>();

    public DbSet<Passkey> Passkeys => Set<Passkey>();

    public DbSet<PasskeyChallenge> PasskeyChallenges => Set<PasskeyChallenge>();

    public DbSet<ExternalIdentity> ExternalIdentities => Set<ExternalIdentity>();

    public DbSet<ExternalAuthorization> ExternalAuthorizations => Set<ExternalAuthorization>();

    public DbSet<ExternalSignInGrant> ExternalSignInGrants => Set<ExternalSignInGrant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AuthDbContext).Assembly);
}
