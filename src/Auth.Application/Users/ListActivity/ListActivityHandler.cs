using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Users.ListActivity;

/// <summary>
/// Reads the caller's rows of the audit trail. Only events a user can act on are shown: sign-ins and failed attempts
/// (someone guessing), lockouts, password and email changes, ended sessions, administrator actions. Token refreshes
/// are left out: every open tab makes one every few minutes, and they would bury the rest.
/// </summary>
public sealed class ListActivityHandler(IAuditLog audit) : IQueryHandler<ListActivityQuery, Page<ActivityEventView>>
{
    public static readonly IReadOnlyCollection<string> Shown = [.. new[]
    {
        SecurityEventType.SignedUp, SecurityEventType.LoginSucceeded, SecurityEventType.LoginFailed,
        SecurityEventType.LockedOut, SecurityEventType.LoggedOut, SecurityEventType.PasswordChanged,
        SecurityEventType.PasswordResetRequested, SecurityEventType.PasswordReset, SecurityEventType.EmailConfirmed,
        SecurityEventType.ProfileUpdated, SecurityEventType.RefreshTokenReused, SecurityEventType.RoleGranted,
        SecurityEventType.RoleRevoked, SecurityEventType.AccountDisabled, SecurityEventType.AccountEnabled,
        SecurityEventType.SessionsEndedByAdmin, SecurityEventType.BootstrapAdminOnConfirmation,
        SecurityEventType.BootstrapAdminAtStart, SecurityEventType.BootstrapAdminByCommandLine,
        SecurityEventType.EmailChangeRequested, SecurityEventType.EmailChanged, SecurityEventType.EmailChangeCancelled,
        SecurityEventType.MfaEnabled, SecurityEventType.MfaDisabled, SecurityEventType.MfaResetByAdmin,
        SecurityEventType.RecoveryCodesRegenerated, SecurityEventType.RecoveryCodeUsed, SecurityEventType.MfaCodeFailed,
        SecurityEventType.SessionEndedByLimit, SecurityEventType.PasskeyRegistered, SecurityEventType.PasskeyRenamed,
        SecurityEventType.PasskeyRemoved, SecurityEventType.PasskeyRefused, SecurityEventType.PasskeyCounterRegressed,
        SecurityEventType.ExternalIdentityLinked, SecurityEventType.ExternalIdentityUnlinked,
    }.Select(t => t.ToString())];

    public async ValueTask<Page<ActivityEventView>> Handle(ListActivityQuery query, CancellationToken cancellationToken)
    {
        var filter = new AuditFilter(query.UserId, null, null, null) { Types = Shown };
        var (items, total) = await audit.ListAsync(filter, query.Page, query.PageSize, cancellationToken);
        return new Page<ActivityEventView>(
            [.. items.Select(e => new ActivityEventView(
                e.Id, e.At, e.Type, e.SessionId, e.ClientAddress, e.UserAgent, e.UserAgent is null ? null : DeviceDescription.Of(e.UserAgent), e.ActorId is { } actor && actor != query.UserId))],
            total, query.Page, query.PageSize);
    }
}
