using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Users.UpdateProfile;

public sealed record UpdateProfileCommand(Guid UserId, Guid SessionId, string Name, ClientInfo Client) : ICommand<Result<UserView>>;
