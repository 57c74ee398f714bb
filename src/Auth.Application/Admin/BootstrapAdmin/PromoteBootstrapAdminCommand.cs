using Mediator;

namespace Auth.Application.Admin.BootstrapAdmin;

/// <summary>
/// At start: grants admin to the account named by <c>Auth:Bootstrap:AdminEmail</c>, if it exists and its address
/// is confirmed.
/// </summary>
public sealed record PromoteBootstrapAdminCommand : ICommand<BootstrapAdminOutcome>;

public enum BootstrapAdminOutcome
{
    NotConfigured,
    NoAccountYet,

    /// <summary>The account exists but nobody has proved the mailbox yet; confirming it promotes it.</summary>
    AwaitingConfirmation,
    AlreadyAdmin,
    Promoted,
    NotSaved,
}
