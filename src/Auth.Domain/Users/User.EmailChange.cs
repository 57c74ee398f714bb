namespace Auth.Domain.Users;

/// <summary>Moving the account to another address: requested by the owner, proven by the new mailbox, or made by an administrator.</summary>
public sealed partial class User
{
    /// <summary>
    /// Asks the new address to confirm (<paramref name="confirmationToken"/>) and tells the current one, with a link that
    /// cancels (<paramref name="cancelToken"/>). Nothing changes until the new address is confirmed.
    /// </summary>
    public void RequestEmailChange(string newEmail, string confirmationToken, string cancelToken, TimeSpan validFor, DateTimeOffset now)
    {
        NoticeEmailChange(newEmail, cancelToken, validFor, now);
        Raise(new EmailChangeConfirmationRequested(Id, Users.Email.Clean(newEmail), confirmationToken, validFor, now));
    }

    /// <summary>
    /// The same request for an address that belongs to another account: the current address gets the same notice, the
    /// taken one a warning instead of a link, since the switch could never succeed.
    /// </summary>
    public void RequestEmailChangeToTakenAddress(string takenEmail, string cancelToken, TimeSpan validFor, DateTimeOffset now)
    {
        NoticeEmailChange(takenEmail, cancelToken, validFor, now);
        Raise(new EmailChangeToTakenAddressAttempted(Id, Users.Email.Clean(takenEmail), now));
    }

    /// <summary>The new address is proven by its mailed link: it becomes the sign-in address, confirmed.</summary>
    public void ChangeEmail(string newEmail, DateTimeOffset now) => SwitchEmail(newEmail, confirmed: true, byAdministrator: false, now);

    /// <summary>
    /// An administrator set the address: nobody has proven the mailbox yet, so it is unconfirmed. The old address is
    /// told of the change, as after the owner's own; the new one is told too, with <paramref name="confirmationToken"/>.
    /// </summary>
    public void ChangeEmailByAdministrator(string newEmail, string confirmationToken, TimeSpan validFor, DateTimeOffset now)
    {
        SwitchEmail(newEmail, confirmed: false, byAdministrator: true, now);
        Raise(new EmailSetByAdministrator(Id, Email, confirmationToken, validFor, now));
    }

    public void CancelEmailChange(DateTimeOffset now) => Raise(new EmailChangeCancelled(Id, now));

    private void NoticeEmailChange(string newEmail, string cancelToken, TimeSpan validFor, DateTimeOffset now)
    {
        // Not a change of who may sign in, but a new stamp serializes the account's requests: of two at once, one
        // commits and the other runs again against it, so the per-hour cap and "the newest request wins" both hold.
        RotateSecurityStamp(now);
        Raise(new EmailChangeRequested(Id, Email, Users.Email.Clean(newEmail), cancelToken, validFor, now));
    }

    private void SwitchEmail(string newEmail, bool confirmed, bool byAdministrator, DateTimeOffset now)
    {
        var old = Email;
        Email = Users.Email.Clean(newEmail);
        NormalizedEmail = Users.Email.Normalize(newEmail);
        EmailConfirmed = confirmed;
        // The address is what a sign-in looks the account up by: a login checked against the old one must not commit.
        RotateSecurityStamp(now);
        Raise(new EmailChanged(Id, old, Email, byAdministrator, now));
    }
}
