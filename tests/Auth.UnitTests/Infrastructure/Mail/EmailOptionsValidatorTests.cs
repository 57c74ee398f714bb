using Auth.Infrastructure.Mail;

namespace Auth.UnitTests.Infrastructure.Mail;

public class EmailOptionsValidatorTests
{
    private readonly EmailOptionsValidator validator = new();

    [Test]
    public void The_defaults_fail_only_for_the_missing_smtp_host()
    {
        var result = validator.Validate(null, new EmailOptions());

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.Failures, Is.EqualTo(new[]
            {
                "Email:Smtp:Host must be set when Email:Transport is Smtp (or set Email:Transport to Pickup).",
            }));
        });
    }

    [Test]
    public void Smtp_with_a_host_passes() => Assert.That(validator.Validate(null, Smtp()).Succeeded, Is.True);

    [Test]
    public void Pickup_needs_no_smtp_host() =>
        Assert.That(validator.Validate(null, new EmailOptions { Transport = EmailTransport.Pickup }).Succeeded, Is.True);

    [TestCase("Auto")]
    [TestCase("None")]
    [TestCase("StartTls")]
    [TestCase("StartTlsWhenAvailable")]
    [TestCase("SslOnConnect")]
    public void Every_MailKit_security_mode_passes(string mode)
    {
        var options = Smtp();
        options.Smtp.Security = mode;

        Assert.That(validator.Validate(null, options).Succeeded, Is.True);
    }

    [TestCase("Tls")]
    [TestCase("starttls")]
    public void Another_security_mode_fails(string mode)
    {
        var options = Smtp();
        options.Smtp.Security = mode;

        AssertFailsWith(options, "Email:Smtp:Security must be one of");
    }

    [TestCase("localhost:3000")]
    [TestCase("/relative")]
    [TestCase("ftp://files.example.com")]
    [TestCase("")]
    public void A_link_base_that_is_not_an_absolute_http_url_fails(string url)
    {
        var options = Smtp();
        options.LinkBaseUrl = url;

        AssertFailsWith(options, "Email:LinkBaseUrl must be an absolute http(s) URL.");
    }

    [Test]
    public void An_https_link_base_passes()
    {
        var options = Smtp();
        options.LinkBaseUrl = "https://app.example.com/base";

        Assert.That(validator.Validate(null, options).Succeeded, Is.True);
    }

    [TestCase("")]
    [TestCase("not an address")]
    public void A_from_that_is_not_an_address_fails(string from)
    {
        var options = Smtp();
        options.From = from;

        AssertFailsWith(options, "Email:From must be an email address.");
    }

    [TestCase(0, 2)]
    [TestCase(5, -1)]
    public void Retry_settings_out_of_range_fail(int attempts, int delaySeconds)
    {
        var options = Smtp();
        options.MaxAttempts = attempts;
        options.RetryDelay = TimeSpan.FromSeconds(delaySeconds);

        AssertFailsWith(options, "Email:MaxAttempts must be at least 1, Email:RetryDelay not negative.");
    }

    [Test]
    public void The_smallest_retry_settings_pass()
    {
        var options = Smtp();
        options.MaxAttempts = 1;
        options.RetryDelay = TimeSpan.Zero;

        Assert.That(validator.Validate(null, options).Succeeded, Is.True);
    }

    private void AssertFailsWith(EmailOptions options, string failure)
    {
        var result = validator.Validate(null, options);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.Failures, Has.Exactly(1).Items);
            Assert.That(result.Failures!.Single(), Does.StartWith(failure));
        });
    }

    private static EmailOptions Smtp() => new() { Smtp = new SmtpSettings { Host = "smtp.example.com" } };
}
