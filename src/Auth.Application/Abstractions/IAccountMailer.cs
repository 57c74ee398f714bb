using Auth.Application.Common.Security;
using Auth.Domain.Users;

namespace Auth.Application.Abstractions;

/// <summary>
/// The account mails. Queuing returns at once: sending happens in the background and never fails the request
/// that caused it.
/// </summary>
public interface IAccountMailer
{
    void QueueEmailConfirmation(User user, string token, TimeSpan validFor);

    void QueuePasswordReset(User user, string token, TimeSpan validFor);

    /// <summary>Tells the owner that the account signed in from a device it had not seen, and what to do if it was not them.</summary>
    void QueueNewDeviceAlert(User user, DateTimeOffset signedInAt, ClientInfo client);
}
