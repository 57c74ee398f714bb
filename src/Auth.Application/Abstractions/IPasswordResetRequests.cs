using Auth.Application.Users.ForgotPassword;

namespace Auth.Application.Abstractions;

/// <summary>
/// Reset requests waiting for <see cref="PasswordResetIssuer"/>. Adding never waits; when full, the request is
/// dropped (and logged): the user asks again, and a flood cannot grow memory.
/// </summary>
public interface IPasswordResetRequests
{
    void Enqueue(ForgotPasswordCommand request);
}
