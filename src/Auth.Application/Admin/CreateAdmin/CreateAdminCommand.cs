using Auth.Application.Admin.Common;
using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Admin.CreateAdmin;

/// <summary>
/// The command-line way to the first administrator: creates the account with the admin role, or grants the role
/// to an existing account (whose password then stays as it was).
/// </summary>
public sealed record CreateAdminCommand(string Email, string Password, string Name) : ICommand<Result<AdminUserView>>;
