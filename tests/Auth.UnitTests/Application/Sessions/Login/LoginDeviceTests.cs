using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Application.Sessions.Login;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Sessions.Login;

public class LoginDeviceTests
{
    private const string Password = "correct horse";
    private const string Email = "ada@example.com";

    private Ports ports = null!;
    private LoginHandler handler = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser(Email);
        ports.PasswordCheckIs("stored-hash", Password, PasswordVerification.Succeeded);
        ports.PasswordCheckIs("stored-hash", "wrong", PasswordVerification.Failed);
        handler = ports.Handler<LoginHandler>();
    }

    [Test]
    public async Task The_first_sign_in_makes_the_client_a_known_device_and_alerts_nobody()
    {
        var result = await Login(Password);

        var device = ports.Devices.Devices.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Value.DeviceToken, Is.Not.Null);
            Assert.That(device.TokenHash, Is.EqualTo($"hash:{result.Value.DeviceToken}"), "only the hash is stored");
            Assert.That(device.UserId, Is.EqualTo(user.Id));
            Assert.That(device.ExpiresAt, Is.EqualTo(ports.Now + Ports.DeviceLifetime));
            Assert.That(ports.Mails, Is.Empty);
        });
    }

    [Test]
    public async Task A_new_device_of_an_account_that_has_one_is_mailed_to_the_owner_after_the_commit()
    {
        var first = await Login(Password);

        var second = await Login(Password);

        Assert.That(ports.Devices.Devices, Has.Count.EqualTo(2));
        Assert.That(ports.Mails, Is.EqualTo(new[] { ("new-device", user.Email, $"{ports.Now:O} {Ports.Client.Address} {Ports.Client.UserAgent}") }));
        Assert.That(second.Value.DeviceToken, Is.Not.EqualTo(first.Value.DeviceToken));
    }

    [Test]
    public async Task No_alert_when_the_setting_is_off_or_the_commit_fails()
    {
        await Login(Password);
        ports.DevicePolicy.Setup(d => d.NewDeviceAlert).Returns(false);
        await Login(Password);
        ports.DevicePolicy.Setup(d => d.NewDeviceAlert).Returns(true);
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var failed = await Login(Password);

        Assert.That(failed.Error!.Code, Is.EqualTo("db_down"));
        Assert.That(ports.Mails, Is.Empty);
    }

    [Test]
    public async Task A_known_device_signs_in_again_without_an_alert_and_keeps_its_token()
    {
        var token = (await Login(Password)).Value.DeviceToken;
        ports.Time.Advance(TimeSpan.FromDays(3));

        var again = await Login(Password, token);

        var device = ports.Devices.Devices.Single();
        Assert.Multiple(() =>
        {
            Assert.That(again.Value.DeviceToken, Is.EqualTo(token));
            Assert.That(device.LastSignInAt, Is.EqualTo(ports.Now));
            Assert.That(device.ExpiresAt, Is.EqualTo(ports.Now + Ports.DeviceLifetime), "the lifetime slides with each sign-in");
            Assert.That(ports.Mails, Is.Empty);
        });
    }

    [Test]
    public async Task A_known_device_signs_in_while_failures_from_elsewhere_lock_the_email()
    {
        var token = (await Login(Password)).Value.DeviceToken;
        for (var i = 0; i < Ports.MaxFailures; i++)
        {
            await Login("wrong");
        }

        var stranger = await Login(Password);
        var owner = await Login(Password, token);

        Assert.Multiple(() =>
        {
            Assert.That(stranger.Error?.Code, Is.EqualTo(AuthErrors.TooManyAttemptsCode));
            Assert.That(owner.IsSuccess, Is.True);
            Assert.That(ports.Throttles.LockedUntilOf(Email), Is.Not.Null, "the owner's sign-in does not forgive the strangers' failures");
        });
    }

    [Test]
    public async Task A_known_device_has_its_own_budget_and_spends_none_of_the_emails()
    {
        var token = (await Login(Password)).Value.DeviceToken;
        for (var i = 0; i < Ports.MaxFailures; i++)
        {
            await Login("wrong", token);
        }

        var device = await Login(Password, token);
        var stranger = await Login(Password);

        Assert.Multiple(() =>
        {
            Assert.That(device.Error?.Code, Is.EqualTo(AuthErrors.TooManyAttemptsCode));
            Assert.That(stranger.IsSuccess, Is.True);
            Assert.That(ports.Throttles.FailuresOf(Email), Is.Zero);
        });
    }

    [Test]
    public async Task The_token_of_another_accounts_device_or_a_revoked_one_counts_as_an_unknown_client()
    {
        var grace = ports.AddUser("grace@example.com");
        ports.PasswordCheckIs(grace.PasswordHash, "grace's", PasswordVerification.Succeeded);
        var gracesToken = (await handler.Handle(new LoginCommand("grace@example.com", "grace's", Ports.Client), CancellationToken.None)).Value.DeviceToken;
        var adasToken = (await Login(Password)).Value.DeviceToken;
        ports.Devices.Devices.Single(d => d.UserId == user.Id).Revoke(ports.Now);

        await Login("wrong", gracesToken);
        await Login("wrong", adasToken);

        Assert.That(ports.Throttles.FailuresOf(Email), Is.EqualTo(2));
    }

    private async Task<Result<AuthResult>> Login(string password, string? deviceToken = null) =>
        await handler.Handle(new LoginCommand(Email, password, Ports.Client, deviceToken), CancellationToken.None);
}
