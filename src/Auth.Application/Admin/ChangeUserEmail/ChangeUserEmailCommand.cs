using Auth.Application.Admin.Common;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Admin.ChangeUserEmail;

/// <summary>An administrator's change of an account's fields; <paramref name="Email"/> null leaves the address as it is.</summary>
public sealed record ChangeUserEmailCommand(Guid UserId, string? Email, ClientInfo Client) : ICommand<Result<AdminUserView>>;
