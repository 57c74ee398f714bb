using Auth.Infrastructure.Mail;

namespace Auth.UnitTests.Infrastructure.Mail;

public class EmailTemplatesTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
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
            Assert.That(text, Does.Contain("Hello ada@example.com,"), "greeted by the address");
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
            Assert.That(html, Does.Contain("Hello ada@example.com,"), "greeted by the address");
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
        var values = new Dictionary<string, string> { ["link"] = "{{validFor}}", ["validFor"] = "48 hours" };

        var text = EmailTemplates.Render(EmailTemplates.EmailConfirmation, "ada@example.com", values).TextBody;

        Assert.That(text, Does.Contain("{{validFor}}").And.Contain("48 hours"));
    }

    [Test]
    public void A_value_with_markup_reaches_the_html_part_as_text()
    {
        var values = new Dictionary<string, string> { ["link"] = "https://x.example/<b>", ["validFor"] = "48 hours" };

        var html = EmailTemplates.Render(EmailTemplates.EmailConfirmation, "ada@example.com", values).HtmlBody;

        Assert.That(html, Does.Contain("https://x.example/&lt;b&gt;").And.Not.Contain("<b>"));
    }

    /// <summary>
    /// Every value a template shows is one the service wrote: an address it verified the shape of, a link it built, a
    /// time, an IP address, a device from a fixed list. Text a user chose (a display name) has no placeholder.
    /// </summary>
    [Test]
    public void No_template_shows_text_a_user_chose()
    {
        // newEmail is an address the service validated as one, shown because the mail is about it; provider is the
        // display name the operator configured for an external provider.
        string[] written = ["email", "newEmail", "link", "validFor", "time", "address", "device", "how", "left", "provider"];
        var assembly = typeof(EmailTemplates).Assembly;
        var templates = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Auth.Infrastructure.Mail.Templates.", StringComparison.Ordinal)).ToList();

        var placeholders = templates.SelectMany(name =>
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            return System.Text.RegularExpressions.Regex.Matches(reader.ReadToEnd(), @"\{\{(\w+)\}\}").Select(m => m.Groups[1].Value);
        }).Distinct().ToList();

        Assert.That(templates, Is.Not.Empty);
        Assert.That(placeholders, Is.SubsetOf(written));
    }
}
