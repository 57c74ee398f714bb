using System.Globalization;
using Auth.Infrastructure.Accounts;

namespace Auth.UnitTests.Infrastructure.Accounts;

public class AccountOptionsTests
{
    private readonly AccountOptionsValidator validator = new();

    [Test]
    public void The_defaults_match_the_issue_and_pass()
    {
        var options = new AccountOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.RequireConfirmedEmail, Is.False);
            Assert.That(options.EmailConfirmationLifetime, Is.EqualTo(TimeSpan.FromHours(48)));
            Assert.That(options.PasswordResetLifetime, Is.EqualTo(TimeSpan.FromMinutes(30)));
            Assert.That(options.PasswordResetsPerHour, Is.EqualTo(3));
            Assert.That(options.EmailChangeLifetime, Is.EqualTo(TimeSpan.FromHours(24)));
            Assert.That(options.EmailChangesPerHour, Is.EqualTo(3));
            Assert.That(options.Bootstrap.AdminEmail, Is.Null);
            Assert.That(validator.Validate(null, options).Succeeded, Is.True);
        });
    }

    [TestCase("00:05:00", "00:05:00", 1)]
    [TestCase("30.00:00:00", "1.00:00:00", 100)]
    public void The_bounds_pass(string confirmation, string reset, int perHour) =>
        Assert.That(validator.Validate(null, Options(confirmation, reset, perHour)).Succeeded, Is.True);

    [TestCase("00:04:59", "00:30:00", 3, "Auth:EmailConfirmationLifetime")]
    [TestCase("30.00:00:01", "00:30:00", 3, "Auth:EmailConfirmationLifetime")]
    [TestCase("2.00:00:00", "00:04:59", 3, "Auth:PasswordResetLifetime")]
    [TestCase("2.00:00:00", "1.00:00:01", 3, "Auth:PasswordResetLifetime")]
    [TestCase("2.00:00:00", "00:30:00", 0, "Auth:PasswordResetsPerHour")]
    public void A_value_outside_its_bounds_fails_naming_the_setting(string confirmation, string reset, int perHour, string setting)
    {
        var result = validator.Validate(null, Options(confirmation, reset, perHour));

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.Failures, Has.Exactly(1).Items);
            Assert.That(result.Failures!.Single(), Does.StartWith(setting));
        });
    }

    [TestCase("00:05:00", 1)]
    [TestCase("7.00:00:00", 100)]
    public void The_email_change_bounds_pass(string lifetime, int perHour) =>
        Assert.That(validator.Validate(null, EmailChange(lifetime, perHour)).Succeeded, Is.True);

    [TestCase("00:04:59", 3, "Auth:EmailChangeLifetime")]
    [TestCase("7.00:00:01", 3, "Auth:EmailChangeLifetime")]
    [TestCase("1.00:00:00", 0, "Auth:EmailChangesPerHour")]
    [TestCase("1.00:00:00", 101, "Auth:EmailChangesPerHour")]
    public void An_email_change_setting_outside_its_bounds_fails_naming_the_setting(string lifetime, int perHour, string setting)
    {
        var result = validator.Validate(null, EmailChange(lifetime, perHour));

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.Failures, Has.Exactly(1).Items);
            Assert.That(result.Failures!.Single(), Does.StartWith(setting));
        });
    }

    [Test]
    public void The_policy_reads_the_options()
    {
        var options = Options("1.00:00:00", "00:10:00", 7);
        options.RequireConfirmedEmail = true;
        options.Bootstrap.AdminEmail = "boss@example.com";
        options.EmailChangeLifetime = TimeSpan.FromHours(2);
        options.EmailChangesPerHour = 5;

        var policy = new AccountPolicy(Microsoft.Extensions.Options.Options.Create(options));

        Assert.Multiple(() =>
        {
            Assert.That(policy.RequireConfirmedEmail, Is.True);
            Assert.That(policy.EmailConfirmationLifetime, Is.EqualTo(TimeSpan.FromDays(1)));
            Assert.That(policy.PasswordResetLifetime, Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(policy.PasswordResetsPerHour, Is.EqualTo(7));
            Assert.That(policy.BootstrapAdminEmail, Is.EqualTo("boss@example.com"));
            Assert.That(policy.EmailChangeLifetime, Is.EqualTo(TimeSpan.FromHours(2)));
            Assert.That(policy.EmailChangesPerHour, Is.EqualTo(5));
        });
    }

    private static AccountOptions Options(string confirmation, string reset, int perHour) => new()
    {
        EmailConfirmationLifetime = TimeSpan.Parse(confirmation, CultureInfo.InvariantCulture),
        PasswordResetLifetime = TimeSpan.Parse(reset, CultureInfo.InvariantCulture),
        PasswordResetsPerHour = perHour,
    };

    private static AccountOptions EmailChange(string lifetime, int perHour) => new()
    {
        EmailChangeLifetime = TimeSpan.Parse(lifetime, CultureInfo.InvariantCulture),
        EmailChangesPerHour = perHour,
    };
}
