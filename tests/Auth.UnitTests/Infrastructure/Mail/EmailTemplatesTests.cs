using Auth.Infrastructure.Mail;

namespace Auth.UnitTests.Infrastructure.Mail;

public class EmailTemplatesTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["name"] = "Ada <b>&</b> \"Co\"",
        ["link"] = "https://app.example.com/reset-password?token=abc&x=1",
        ["validFor"] = "30 minutes",
    };

    [TestCase(EmailTemplates.EmailConfirmation, "Confirm your email address")]
    [TestCase(EmailTemplates.PasswordReset, "Reset your password")]
    public void The_subject_is_the_first_line_of_the_text_template_without_its_prefix(string template, string subject)
    {
        var message = EmailTemplates.Render(template, "ada@example.com", Values);

        Assert.Multiple(() =>
        {
            Assert.That(message.To, Is.EqualTo("ada@example.com"));
            Assert.That(message.Subject, Is.EqualTo(subject));
            Assert.That(message.TextBody, Does.Not.Contain("Subject:"), "the subject line is not part of the body");
            Assert.That(message.TextBody, Does.StartWith("Hello "));
        });
    }

    [TestCase(EmailTemplates.EmailConfirmation)]
    [TestCase(EmailTemplates.PasswordReset)]
    public void The_text_part_carries_the_values_as_they_are(string template)
    {
        var text = EmailTemplates.Render(template, "ada@example.com", Values).TextBody;

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Hello Ada <b>&</b> \"Co\","));
            Assert.That(text, Does.Contain("https://app.example.com/reset-password?token=abc&x=1"));
            Assert.That(text, Does.Contain("expires in 30 minutes"));
            Assert.That(text, Does.Not.Contain("{{"));
        });
    }

    [TestCase(EmailTemplates.EmailConfirmation)]
    [TestCase(EmailTemplates.PasswordReset)]
    public void The_html_part_carries_the_values_html_encoded(string template)
    {
        var html = EmailTemplates.Render(template, "ada@example.com", Values).HtmlBody;

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Hello Ada &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;,"));
            Assert.That(html, Does.Not.Contain("<b>"), "markup in a name must not reach the mail as markup");
            Assert.That(html, Does.Contain("href=\"https://app.example.com/reset-password?token=abc&amp;x=1\""));
            Assert.That(html, Does.Contain("expires in 30 minutes"));
            Assert.That(html, Does.Not.Contain("{{"));
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        });
    }

    [Test]
    public void An_unknown_template_is_refused() =>
        Assert.That(
            () => EmailTemplates.Render("no-such-template", "ada@example.com", Values),
            Throws.InvalidOperationException.With.Message.Contains("no-such-template.txt"));

    [Test]
    public void A_value_that_looks_like_a_placeholder_stays_text()
    {
        var values = new Dictionary<string, string> { ["name"] = "{{link}}", ["link"] = "https://app.example.com/x?token=t", ["validFor"] = "48 hours" };

        var text = EmailTemplates.Render(EmailTemplates.EmailConfirmation, "ada@example.com", values).TextBody;

        Assert.That(text, Does.StartWith("Hello {{link}},"));
    }
}
