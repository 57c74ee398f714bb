using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Events;
using Auth.Application.Common.Passwords;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Auth.Application.Users.Common;
using Auth.Domain.Events;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.Infrastructure.Security.Mfa;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Auth.UnitTests.Support;

/// <summary>
/// Mocks of every Application port, with the defaults a happy path needs, and what the handlers handed to them
/// captured in lists so tests can assert on it. The shared helpers (session starter, revoker, lockout) are the
/// real classes built over these mocks.
/// </summary>
internal sealed class Ports
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ReuseGrace = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    public static readonly ClientInfo Client = new("203.0.113.7", "UnitTest/1.0");
    public const int MaxFailures = 3;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private int refreshTokensCreated;

    public Ports()
    {
        UnitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).Returns(() => Commit(Result.Success));
        UnitOfWork.Setup(u => u.Raise(It.IsAny<IDomainEvent>())).Callback((IDomainEvent e) => raised.Add(e));
        UnitOfWork.Setup(u => u.Reset()).Callback(() => { raised.Clear(); insideCommit.Clear(); });
        UnitOfWork.Setup(u => u.InsideCommit(It.IsAny<Func<CancellationToken, Task>>())).Callback((Func<CancellationToken, Task> step) => insideCommit.Add(step));
        Passkeys.Setup(p => p.ListForUserAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync(Array.Empty<Auth.Domain.Passkeys.Passkey>());
        ExternalIdentities.Setup(i => i.ListForUserAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync(Array.Empty<Auth.Domain.External.ExternalIdentity>());

        Lifetimes.Setup(l => l.AccessToken).Returns(AccessTokenLifetime);
        Lifetimes.Setup(l => l.RefreshToken).Returns(SessionLifetime);
        Lifetimes.Setup(l => l.RefreshTokenIdle).Returns(IdleLifetime);
        Lifetimes.Setup(l => l.RefreshReuseGrace).Returns(ReuseGrace);
        Lifetimes.Setup(l => l.ClockSkew).Returns(ClockSkew);

        AccessTokens.Setup(a => a.Issue(It.IsAny<User>(), It.IsAny<Session>(), It.IsAny<DateTimeOffset>()))
            .Returns((User user, Session session, DateTimeOffset now) =>
                new AccessToken($"jwt:{user.Id}:{session.Id}", now + AccessTokenLifetime, (int)AccessTokenLifetime.TotalSeconds));

        RefreshTokens.Setup(r => r.Create()).Returns(() =>
        {
            var n = ++refreshTokensCreated;
            return new NewRefreshToken($"refresh-{n}", $"hash:refresh-{n}");
        });
        RefreshTokens.Setup(r => r.Hash(It.IsAny<string>())).Returns((string token) => $"hash:{token}");

        LockoutPolicy.Setup(l => l.MaxFailures).Returns(MaxFailures);
        LockoutPolicy.Setup(l => l.DeviceMaxFailures).Returns(MaxFailures);
        LockoutPolicy.Setup(l => l.Duration).Returns(LockoutDuration);
        DevicePolicy.Setup(d => d.TokenLifetime).Returns(DeviceLifetime);
        DevicePolicy.Setup(d => d.NewDeviceAlert).Returns(true);

        Sessions.Setup(s => s.Add(It.IsAny<Session>())).Callback((Session s) => Track(AddedSessions, s));
        Sessions.Setup(s => s.AddRefreshToken(It.IsAny<RefreshToken>())).Callback((RefreshToken t) => AddedRefreshTokens.Add(t));
        // A user without sessions, unless a test says otherwise (ActiveSessionsAre).
        Sessions.Setup(s => s.ListActiveAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Array.Empty<Session>());

        Policy.Setup(p => p.EmailConfirmationLifetime).Returns(ConfirmationLifetime);
        Policy.Setup(p => p.PasswordResetLifetime).Returns(ResetLifetime);
        Policy.Setup(p => p.PasswordResetsPerHour).Returns(3);
        AccountTokenRepository.Setup(t => t.Add(It.IsAny<AccountToken>())).Callback((AccountToken t) => AddedAccountTokens.Add(t));
        AccountTokenRepository.Setup(t => t.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string hash, CancellationToken _) => AddedAccountTokens.FirstOrDefault(t => t.Hash == hash));
        AccountTokenRepository.Setup(t => t.ListUsableAsync(It.IsAny<Guid>(), It.IsAny<AccountTokenPurpose>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid userId, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken _) =>
                AddedAccountTokens.Where(t => t.UserId == userId && t.IsUsable(purpose, now)).ToList());
        MfaPolicy.Setup(p => p.RequiredForRoles).Returns([]);
        MfaPolicy.Setup(p => p.ChallengeLifetime).Returns(ChallengeLifetime);
        MfaPolicy.Setup(p => p.MaxCodeFailures).Returns(MaxCodeFailures);
        AccountTokenRepository.Setup(t => t.ListIssuedSinceAsync(It.IsAny<Guid>(), It.IsAny<AccountTokenPurpose>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid userId, AccountTokenPurpose purpose, DateTimeOffset since, CancellationToken _) =>
                AddedAccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.CreatedAt > since).Select(t => t.CreatedAt).ToList());
        Policy.Setup(p => p.ConfirmationMailsPerHour).Returns(4);
        Policy.Setup(p => p.MaxSessionsPerUser).Returns(100);
        Blocklist.Setup(b => b.Contains(It.IsAny<string>())).Returns((string p) => CommonPasswords.Contains(p));
        PasswordSettings.Setup(s => s.BlocklistEnabled).Returns(true);
    }

    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(48);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromMinutes(30);

    public Mock<IAccountPolicy> Policy { get; } = new();

    public Mock<IAccountTokenRepository> AccountTokenRepository { get; } = new();

    /// <summary>Account tokens handed to the repository; <c>FindAsync</c> finds them by hash.</summary>
    public List<AccountToken> AddedAccountTokens { get; } = [];

    /// <summary>
    /// Mails the committed events ask for: kind (confirm, reset, new-device, change-password), recipient, token (a new-device alert's
    /// time, address and agent).
    /// </summary>
    public IReadOnlyList<(string Kind, string To, string Token)> Mails =>
        [.. Committed.OfType<IMailEvent>().Select(m => m switch
        {
            NewDeviceSignedIn alert => ("new-device", alert.Email, $"{alert.At:O} {alert.ClientAddress} {alert.UserAgent}"),
            PasswordResetRequested reset => ("reset", reset.Email, reset.Token),
            WeakPasswordNoticed notice => ("change-password", notice.Email, string.Empty),
            ITokenMailEvent mail => ("confirm", mail.Email, mail.Token),
            _ => ("other", m.Email, string.Empty),
        })];

    public AccountTokens AccountTokens() => new(AccountTokenRepository.Object, RefreshTokens.Object);

    /// <summary>
    /// Issues a token the way the handlers do (its hash lands in <see cref="AddedAccountTokens"/>) and returns the
    /// value a mail would carry. The default lifetime is the policy's for the purpose.
    /// </summary>
    public string IssueAccountToken(User user, AccountTokenPurpose purpose, TimeSpan? lifetime = null) =>
        AccountTokens().Issue(
            user.Id, purpose, Now,
            lifetime ?? (purpose == AccountTokenPurpose.EmailConfirmation ? ConfirmationLifetime : ResetLifetime));

    public Mock<IAuditLog> AuditLog { get; } = new();

    /// <summary>What the blocklist mock holds: <c>password</c>, so <c>Password123!</c> is refused as a disguise of it.</summary>
    public static readonly string[] CommonPasswords = ["password"];

    public Mock<IPasswordBlocklist> Blocklist { get; } = new();

    public Mock<IBreachedPasswords> Breaches { get; } = new();

    public Mock<IPasswordPolicySettings> PasswordSettings { get; } = new();

    public PasswordPolicy PasswordPolicy() => new(Blocklist.Object, Breaches.Object, PasswordSettings.Object);

    public AccessChangeGuard AccessChangeGuard() => new(Users.Object);

    /// <summary>A registered user holding the admin role.</summary>
    public User AddAdmin(string email = "admin@example.com", string name = "Grace Hopper")
    {
        var admin = AddUser(email, name);
        admin.GrantRole(RoleNames.Admin, Now);
        admin.ClearDomainEvents();
        admins.Add(admin);
        return admin;
    }

    /// <summary>The enabled admins the repository lists: those added with <see cref="AddAdmin"/>, then others up to <paramref name="count"/>.</summary>
    public void AdminCountIs(int count) =>
        Users.Setup(u => u.ListWithRoleAsync(RoleNames.Admin, It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            var listed = admins.Where(a => a.HasRole(RoleNames.Admin) && !a.IsDisabled).Take(count).ToList();
            while (listed.Count < count)
            {
                var other = User.Register($"admin-{listed.Count}@example.net", "Other Admin", "stored-hash", Now);
                other.GrantRole(RoleNames.Admin, Now);
                listed.Add(other);
            }

            return listed;
        });

    private readonly List<User> admins = [];

    public Mock<IUserRepository> Users { get; } = new();

    public Mock<ISessionRepository> Sessions { get; } = new();

    public Mock<IUnitOfWork> UnitOfWork { get; } = new();

    public Mock<IPasswordHasher> PasswordHasher { get; } = new();

    public Mock<IAccessTokenIssuer> AccessTokens { get; } = new();

    public Mock<IRefreshTokenGenerator> RefreshTokens { get; } = new();

    public Mock<ITokenLifetimes> Lifetimes { get; } = new();

    public Mock<ITokenSealer> Sealer { get; } = new();

    public InMemoryLoginThrottleStore Throttles { get; } = new();

    public Mock<ILockoutPolicy> LockoutPolicy { get; } = new();

    public FakeTimeProvider Time { get; } = TestClock.Create();

    public DateTimeOffset Now => Time.GetUtcNow();

    public List<Session> AddedSessions { get; } = [];

    public List<RefreshToken> AddedRefreshTokens { get; } = [];

    /// <summary>
    /// The events that successful commits stored, in order: those of the entities the handler touched (users and
    /// sessions these ports handed out or were given) and those raised on the unit of work. A failed commit stores none.
    /// </summary>
    public List<IDomainEvent> Committed { get; } = [];

    /// <summary>The sessions whose end was committed, i.e. whose tokens the commit revokes.</summary>
    public IReadOnlyList<Guid> Ended => [.. Committed.OfType<SessionEnded>().Select(e => e.SessionId)];

    /// <summary>Committed events other than session ends (which <see cref="Ended"/> lists) and refreshes.</summary>
    public IReadOnlyList<IDomainEvent> Recorded => [.. Committed.Where(e => e is not SessionEnded and not SessionRefreshed)];

    /// <summary>Committed events of one type.</summary>
    public IReadOnlyList<T> CommittedOf<T>() => [.. Committed.OfType<T>()];

    public EventOrigin Origin { get; } = new();

    public SessionStarter SessionStarter() => new(Users.Object, Sessions.Object, RefreshTokens.Object, AccessTokens.Object, Lifetimes.Object, Origin);

    public SessionRevoker SessionRevoker() => new(Sessions.Object, Users.Object, UnitOfWork.Object);

    public AttemptTurns AttemptTurns { get; } = new();

    public Lockout Lockout() => new(Throttles, LockoutPolicy.Object, AttemptTurns);

    public ReAuthentication ReAuthentication() => new(Users.Object, PasswordHasher.Object, Lockout(), Time);

    public PasswordVerifier PasswordVerifier() => new(Users.Object, PasswordHasher.Object, Lockout(), KnownDevices(), UnitOfWork.Object, Time);

    public SignIn SignIn() => new(SessionStarter(), KnownDevices(), MfaChallenges(), SessionLimit(), Policy.Object, MfaPolicy.Object, UnitOfWork.Object, Time);

    public Mock<IMfaPolicy> MfaPolicy { get; } = new();

    public const int MaxCodeFailures = 5;

    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Recovery codes and mfaTokens as their tables hold them.</summary>
    public InMemoryMfaStore Mfa { get; } = new();

    /// <summary>The real RFC 6238 implementation: tests compute codes with Otp.NET, as an app would.</summary>
    public ITotp Totp { get; } = new OtpNetTotp(Options.Create(new MfaOptions()));

    public IMfaSecretProtector Protector { get; } = new AesGcmMfaSecretProtector(
        Options.Create(new MfaOptions { EncryptionKey = Convert.ToBase64String(new byte[32]) }));

    /// <summary>A user without passkeys, unless a test says otherwise.</summary>
    public Mock<IPasskeyRepository> Passkeys { get; } = new();

    public Mock<IExternalIdentityRepository> ExternalIdentities { get; } = new();

    public Mock<IExternalSignInStore> ExternalSignIns { get; } = new();

    public Mock<IExternalProviders> ExternalProviders { get; } = new();

    public Mock<IWebAuthn> WebAuthn { get; } = new();

    public MfaChallenges MfaChallenges() => new(Mfa, RefreshTokens.Object, MfaPolicy.Object, Passkeys.Object, WebAuthn.Object, UnitOfWork.Object);

    public PasskeyAssertions PasskeyAssertions() => new(Passkeys.Object, WebAuthn.Object, UnitOfWork.Object);

    public RecoveryCodes RecoveryCodes() => new(Mfa, Protector);

    public SecondFactor SecondFactor() => new(Totp, Protector, RecoveryCodes());

    public SecondFactorVerifier SecondFactorVerifier() =>
        new(MfaChallenges(), Users.Object, SecondFactor(), Lockout(), KnownDevices(), UnitOfWork.Object, PasskeyAssertions(), Time);

    public CodeReAuthentication CodeReAuthentication() => new(Users.Object, SecondFactor(), Lockout(), Time);

    /// <summary>
    /// A user with TOTP on under a fresh secret (returned, as the app holds it), its events cleared. Its recovery
    /// codes are <see cref="IssuedRecoveryCodes"/>.
    /// </summary>
    public User AddUserWithTotp(out string secret, string email = "mfa@example.com")
    {
        var user = AddUser(email);
        secret = Totp.NewSecret();
        user.StartTotpEnrolment(Protector.Protect(secret), Now);
        // Enrolled a few steps ago: every code around now is unused.
        user.EnableTotp(Totp.MatchStep(secret, Code(secret), Now)!.Value - 5, Now);
        IssuedRecoveryCodes = RecoveryCodes().ReplaceAsync(user, Now, CancellationToken.None).GetAwaiter().GetResult();
        user.ClearDomainEvents();
        return user;
    }

    public IReadOnlyList<string> IssuedRecoveryCodes { get; private set; } = [];

    /// <summary>The code an authenticator app shows for <paramref name="secret"/> at <paramref name="at"/> (now by default).</summary>
    public string Code(string secret, DateTimeOffset? at = null) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp((at ?? Now).UtcDateTime);

    public SessionLimit SessionLimit() => new(Sessions.Object, Policy.Object, Lifetimes.Object);

    public PasswordRecheck PasswordRecheck() => new(PasswordPolicy(), UnitOfWork.Object, Time);

    public InMemoryKnownDeviceRepository Devices { get; } = new();

    public Mock<IDevicePolicy> DevicePolicy { get; } = new();

    public static readonly TimeSpan DeviceLifetime = TimeSpan.FromDays(180);

    public KnownDevices KnownDevices() => new(Devices, RefreshTokens.Object, DevicePolicy.Object);

    /// <summary>A registered user whose stored hash is <c>stored-hash</c>, known to the user repository by id and email.</summary>
    public User AddUser(string email = "ada@example.com", string name = "Ada Lovelace")
    {
        var user = User.Register(email, name, "stored-hash", Now);
        // Stored long ago: its registration is not news to this test.
        user.ClearDomainEvents();
        tracked.Add(user);
        Users.Setup(u => u.FindByIdAsync(user.Id, It.IsAny<CancellationToken>())).ReturnsAsync(user);
        Users.Setup(u => u.FindByEmailAsync(user.NormalizedEmail, It.IsAny<CancellationToken>())).ReturnsAsync(user);
        return user;
    }

    /// <summary>A session of <paramref name="user"/> started now, known to the session repository by id.</summary>
    public Session AddSession(User user, string? userAgent = "UnitTest/1.0")
    {
        var session = Session.Start(user.Id, Now, SessionLifetime, Client.Address, userAgent);
        tracked.Add(session);
        Sessions.Setup(s => s.FindByIdAsync(session.Id, It.IsAny<CancellationToken>())).ReturnsAsync(session);
        return session;
    }

    public void ActiveSessionsAre(User user, params Session[] sessions) =>
        Sessions.Setup(s => s.ListActiveAsync(user.Id, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(sessions);

    public void PasswordCheckIs(string? hash, string password, PasswordVerification outcome) =>
        PasswordHasher.Setup(p => p.VerifyAsync(hash, password, It.IsAny<CancellationToken>())).ReturnsAsync(outcome);

    public void SaveFailsWith(Error error) =>
        UnitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Result.Failure(error));

    /// <summary>The first <paramref name="successes"/> commits (e.g. the login throttle's) succeed, the next fails.</summary>
    public void SaveFailsAfter(int successes, Error error)
    {
        var sequence = UnitOfWork.SetupSequence(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()));
        for (var i = 0; i < successes; i++)
        {
            sequence = sequence.Returns(() => Commit(Result.Success));
        }

        sequence.ReturnsAsync(Result.Failure(error)).Returns(() => Commit(Result.Success));
    }

    public void VerifySaved(int times) => UnitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(times));

    /// <summary>
    /// A handler (or any Application class) built over these ports: each constructor parameter is the mock of its
    /// type, a port property of its type, a helper method returning it (<see cref="SessionRevoker"/>, ...), or a class
    /// built the same way. A handler that gains a dependency then needs no change to its tests, only, where the
    /// dependency is a new port, one property here.
    /// </summary>
    public T Handler<T>() where T : class => (T)Build(typeof(T), []);

    private object Build(Type type, HashSet<Type> building)
    {
        if (!building.Add(type))
        {
            throw new InvalidOperationException($"{type.Name} depends on itself.");
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor for Ports to call.");
        var arguments = constructor.GetParameters().Select(p => Resolve(p.ParameterType, type, building)).ToArray();
        building.Remove(type);
        return constructor.Invoke(arguments);
    }

    private object Resolve(Type wanted, Type forType, HashSet<Type> building)
    {
        const System.Reflection.BindingFlags Public = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance;
        var mock = typeof(Mock<>).MakeGenericType(wanted);
        if (GetType().GetProperties(Public).FirstOrDefault(p => p.PropertyType == mock) is { } mocked)
        {
            return ((Mock)mocked.GetValue(this)!).Object;
        }

        if (GetType().GetProperties(Public).FirstOrDefault(p => wanted.IsAssignableFrom(p.PropertyType)) is { } port)
        {
            return port.GetValue(this)!;
        }

        if (GetType().GetMethods(Public).FirstOrDefault(m => m.ReturnType == wanted && m.GetParameters().Length == 0 && !m.IsGenericMethod) is { } helper)
        {
            return helper.Invoke(this, null)!;
        }

        return wanted.IsClass && !wanted.IsAbstract
            ? Build(wanted, building)
            : throw new InvalidOperationException($"Ports has nothing for {forType.Name}'s {wanted.Name}: add a Mock<{wanted.Name}> property.");
    }

    public void VerifySavedOnce() => UnitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once());

    public void VerifyNeverSaved() => UnitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never());

    private readonly List<AggregateRoot> tracked = [];
    private readonly List<IDomainEvent> raised = [];
    private readonly List<Func<CancellationToken, Task>> insideCommit = [];

    private void Track<T>(List<T> list, T entity)
        where T : AggregateRoot
    {
        list.Add(entity);
        tracked.Add(entity);
    }

    /// <summary>What the real unit of work does on a successful commit: its steps first, then the events.</summary>
    private async Task<Result> Commit(Result result)
    {
        foreach (var step in insideCommit)
        {
            await step(CancellationToken.None);
        }

        insideCommit.Clear();
        // Entities handed to the repositories count too, even where a test set up its own Add.
        var handedIn = Users.Invocations.Concat(Sessions.Invocations)
            .Where(i => i.Method.Name is nameof(IUserRepository.Add) or nameof(IUserRepository.Remove))
            .Select(i => i.Arguments[0]).OfType<AggregateRoot>();
        foreach (var entity in tracked.Concat(handedIn).Distinct())
        {
            Committed.AddRange(entity.DomainEvents);
            entity.ClearDomainEvents();
        }

        Committed.AddRange(raised);
        raised.Clear();
        return result;
    }
}
