using Mediator;

namespace Auth.Application.Admin.BootstrapAdmin;

/// <summary>At start: grants admin to the account named by <c>Auth:Bootstrap:AdminEmail</c>, if it exists.</summary>
public sealed record PromoteBootstrapAdminCommand : ICommand<bool>;
