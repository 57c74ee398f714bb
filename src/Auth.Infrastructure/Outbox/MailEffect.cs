using Auth.Application.Abstractions;
using Auth.Domain.External;
using Auth.Domain.Mfa;
using Auth.Domain.Passkeys;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.Infrastructure.Mail;

namespace Auth.Infrastructure.Outbox;

/// <summary>Sends the mail an event asks for; a transport failure fails the delivery, which is retried later.</summary>
internal sealed class MailEffect(AccountMails mails, IEmailSender sender) : IOutboxEffect
{
    public Task ApplyAsync(OutboxDelivery delivery, CancellationToken cancellationToken) =>
        delivery.Event switch
        {
            EmailConfirmationRequested e => sender.SendAsync(mails.EmailConfirmation(e), cancellationToken),
            PasswordResetRequested e => sender.SendAsync(mails.PasswordReset(e), cancellationToken),
            NewDeviceSignedIn e => sender.SendAsync(mails.NewDeviceAlert(e), cancellationToken),
            WeakPasswordNoticed e => sender.SendAsync(mails.PasswordChangeRequired(e), cancellationToken),
            EmailChangeConfirmationRequested e => sender.SendAsync(mails.EmailChangeConfirmation(e), cancellationToken),
            EmailChangeRequested e => sender.SendAsync(mails.EmailChangeNotice(e), cancellationToken),
            EmailChangeToTakenAddressAttempted e => sender.SendAsync(AccountMails.EmailInUse(e), cancellationToken),
            EmailChanged e => sender.SendAsync(AccountMails.EmailChangedNotice(e), cancellationToken),
            EmailSetByAdministrator e => sender.SendAsync(mails.EmailSetByAdministratorNotice(e), cancellationToken),
            TotpEnabled e => sender.SendAsync(mails.MfaEnabled(e), cancellationToken),
            TotpDisabled e => sender.SendAsync(mails.MfaDisabled(e), cancellationToken),
            RecoveryCodesRegenerated e => sender.SendAsync(mails.RecoveryCodesRegenerated(e), cancellationToken),
            RecoveryCodeUsed e => sender.SendAsync(mails.RecoveryCodeUsed(e), cancellationToken),
            PasskeyRegistered e => sender.SendAsync(mails.PasskeyRegistered(e), cancellationToken),
            PasskeyRemoved e => sender.SendAsync(mails.PasskeyRemoved(e), cancellationToken),
            ExternalIdentityLinked e => sender.SendAsync(mails.ExternalIdentityLinked(e), cancellationToken),
            ExternalIdentityUnlinked e => sender.SendAsync(mails.ExternalIdentityUnlinked(e), cancellationToken),
            _ => Task.CompletedTask,
        };
}
