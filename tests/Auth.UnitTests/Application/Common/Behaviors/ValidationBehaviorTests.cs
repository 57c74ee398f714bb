using Auth.Application.Common.Behaviors;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Security;
using Auth.Application.Users.RegisterUser;
using FluentValidation;
using Mediator;

namespace Auth.UnitTests.Application.Common.Behaviors;

public class ValidationBehaviorTests
{
    [Test]
    public async Task A_valid_message_reaches_the_handler_and_its_response_is_returned()
    {
        var behavior = new ValidationBehavior<ProbeRequest, string>([new ProbeValidator()]);
        var handled = new List<ProbeRequest>();
        var message = new ProbeRequest("Ada", "ada@example.com");

        var response = await behavior.Handle(message, Handler(handled), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo("handled"));
            Assert.That(handled, Is.EqualTo(new[] { message }));
        });
    }

    [Test]
    public async Task With_no_validators_the_message_reaches_the_handler()
    {
        var behavior = new ValidationBehavior<ProbeRequest, string>([]);
        var handled = new List<ProbeRequest>();

        await behavior.Handle(new ProbeRequest("", ""), Handler(handled), CancellationToken.None);

        Assert.That(handled, Has.Count.EqualTo(1));
    }

    [Test]
    public void An_invalid_message_throws_with_camelCase_keys_and_runs_no_handler()
    {
        var behavior = new ValidationBehavior<ProbeRequest, string>([new ProbeValidator()]);
        var handled = new List<ProbeRequest>();

        var exception = Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(new ProbeRequest("", ""), Handler(handled), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(handled, Is.Empty);
            Assert.That(exception!.Errors.Keys, Is.EquivalentTo(new[] { "displayName", "emailAddress" }));
            Assert.That(exception.Errors["displayName"], Is.EqualTo(new[] { "Display name is required." }));
            Assert.That(exception.Errors["emailAddress"], Is.EqualTo(new[] { "Email address is required." }));
        });
    }

    [Test]
    public void Failures_of_every_validator_are_merged_and_duplicates_dropped()
    {
        var behavior = new ValidationBehavior<ProbeRequest, string>(
            [new ProbeValidator(), new ProbeValidator(), new LengthValidator()]);

        var exception = Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(new ProbeRequest("", "ada@example.com"), Handler([]), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Errors.Keys, Is.EqualTo(new[] { "displayName" }));
            Assert.That(exception.Errors["displayName"], Is.EqualTo(new[] { "Display name is required.", "Display name is too short." }));
        });
    }

    [Test]
    public void A_real_command_is_reported_under_its_contract_field_names()
    {
        var behavior = new ValidationBehavior<RegisterUserCommand, string>([new RegisterUserValidator()]);
        var command = new RegisterUserCommand("ada@example.com", "short", "Ada", ClientInfo.Unknown);
        var called = false;

        var exception = Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(command, (_, _) =>
            {
                called = true;
                return ValueTask.FromResult("handled");
            }, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(called, Is.False);
            Assert.That(exception!.Errors.Keys, Is.EqualTo(new[] { "password" }));
        });
    }

    private static MessageHandlerDelegate<ProbeRequest, string> Handler(List<ProbeRequest> handled) =>
        (message, _) =>
        {
            handled.Add(message);
            return ValueTask.FromResult("handled");
        };
}

public sealed record ProbeRequest(string DisplayName, string EmailAddress) : IRequest<string>;

public sealed class ProbeValidator : AbstractValidator<ProbeRequest>
{
    public ProbeValidator()
    {
        RuleFor(p => p.DisplayName).NotEmpty().WithMessage("Display name is required.");
        RuleFor(p => p.EmailAddress).NotEmpty().WithMessage("Email address is required.");
    }
}

public sealed class LengthValidator : AbstractValidator<ProbeRequest>
{
    public LengthValidator() => RuleFor(p => p.DisplayName).MinimumLength(2).WithMessage("Display name is too short.");
}
