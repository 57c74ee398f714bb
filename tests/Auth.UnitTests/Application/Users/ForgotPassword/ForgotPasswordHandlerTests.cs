using Auth.Application.Abstractions;
using Auth.Application.Users.ForgotPassword;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Users.ForgotPassword;

public class ForgotPasswordHandlerTests
{
    [TestCase("ada@example.com")]
    [TestCase("nobody@example.com")]
    public async Task Any_email_is_only_queued_and_answered_alike(string email)
    {
        var queue = new Mock<IPasswordResetRequests>(MockBehavior.Strict);
        var command = new ForgotPasswordCommand(email, Ports.Client);
        queue.Setup(q => q.Enqueue(command));

        var result = await new ForgotPasswordHandler(queue.Object).Handle(command, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        queue.Verify(q => q.Enqueue(command), Times.Once());
    }
}
