using System.Globalization;
using Auth.Infrastructure.Audit;

namespace Auth.UnitTests.Infrastructure.Audit;

public class AuditOptionsTests
{
    private readonly AuditOptionsValidator validator = new();

    [Test]
    public void The_defaults_keep_90_days_and_pass()
    {
        var options = new AuditOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Retention, Is.EqualTo(TimeSpan.FromDays(90)));
            Assert.That(options.PruneInterval, Is.EqualTo(TimeSpan.FromHours(6)));
            Assert.That(validator.Validate(null, options).Succeeded, Is.True);
        });
    }

    [Test]
    public void The_smallest_values_pass() =>
        Assert.That(validator.Validate(null, Options("1.00:00:00", "00:01:00")).Succeeded, Is.True);

    [TestCase("23:59:59", "06:00:00", "Audit:Retention")]
    [TestCase("90.00:00:00", "00:00:59", "Audit:PruneInterval")]
    public void A_value_below_its_minimum_fails_naming_the_setting(string retention, string interval, string setting)
    {
        var result = validator.Validate(null, Options(retention, interval));

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.Failures, Has.Exactly(1).Items);
            Assert.That(result.Failures!.Single(), Does.StartWith(setting));
        });
    }

    [Test]
    public void Every_failure_is_reported_at_once() =>
        Assert.That(validator.Validate(null, Options("00:00:00", "00:00:00")).Failures, Has.Exactly(2).Items);

    private static AuditOptions Options(string retention, string interval) => new()
    {
        Retention = TimeSpan.Parse(retention, CultureInfo.InvariantCulture),
        PruneInterval = TimeSpan.Parse(interval, CultureInfo.InvariantCulture),
    };
}
