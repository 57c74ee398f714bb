using System.Net;
using System.Net.Http.Json;
using MimeKit;

namespace Auth.IntegrationTests.Support;

/// <summary>The steps of an email change as a client takes them, and the mails it leads to.</summary>
public static class EmailChangeSteps
{
    public const string ConfirmSubject = "Confirm your new email address";
    public const string NoticeSubject = "A change of your email address was requested";
    public const string ChangedSubject = "Your email address was changed";
    public const string InUseSubject = "Someone tried to use your email address";
    public const string SetByAdministratorSubject = "Your account's email address was changed to this one";

    public static Task<HttpResponseMessage> RequestEmailChangeAsync(this HttpClient client, SignedUpUser user, string newEmail, string? password = null) =>
        client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/email", user.AccessToken, new { newEmail, currentPassword = password ?? user.Password });

    public static Task<HttpResponseMessage> ConfirmEmailChangeAsync(this HttpClient client, string token) =>
        client.PostAsJsonAsync("/auth/email/change/confirm", new { token });

    public static Task<HttpResponseMessage> CancelEmailChangeAsync(this HttpClient client, string token) =>
        client.PostAsJsonAsync("/auth/email/change/cancel", new { token });

    /// <summary>Signs in again with the account's current address, for a fresh access token after the test clock moved on.</summary>
    public static async Task<SignedUpUser> SignInAgainAsync(this HttpClient client, SignedUpUser user, string? email = null)
    {
        var response = await client.PostAsJsonAsync("/auth/login", new { email = email ?? user.Email, password = user.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return user with { Auth = (await response.Content.ReadFromJsonAsync<Api.Contracts.AuthResponse>())! };
    }

    /// <summary>
    /// Asks for the change and returns the tokens of both links: confirm (mailed to the new address) and cancel (in
    /// the notice to the current one that names the new address). Use a new address per request.
    /// </summary>
    public static async Task<(string Confirm, string Cancel)> RequestEmailChangeLinksAsync(
        this HttpClient client, AuthApiFactory factory, SignedUpUser user, string newEmail)
    {
        var response = await client.RequestEmailChangeAsync(user, newEmail);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var confirm = (await factory.WaitForSubjectAsync(newEmail, ConfirmSubject)).Single().Token();
        var cancel = (await factory.WaitForSubjectAsync(user.Email, NoticeSubject, mentioning: newEmail)).Single().Token();
        return (confirm, cancel);
    }

    /// <summary>
    /// Waits for <paramref name="count"/> mails with the subject to the address (whose text names <paramref name="mentioning"/>).
    /// Mails of one instant may leave in any order, so tests tell them apart by what they say.
    /// </summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForSubjectAsync(
        this AuthApiFactory factory, string to, string subject, int count = 1, string? mentioning = null)
    {
        return await Eventually.WaitForAsync(
            () => (IReadOnlyList<MimeMessage>)[.. Mailbox.Read(factory.MailDirectory, to)
                .Where(m => m.Subject == subject && (mentioning is null || (m.TextBody ?? "").Contains(mentioning, StringComparison.Ordinal)))],
            mails => mails.Count >= count,
            $"{count} mail(s) '{subject}' to {to}");
    }

    /// <summary>Mails with the subject to the address once every stored event has been delivered.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> DeliveredAsync(this AuthApiFactory factory, string to, string subject)
    {
        await factory.WaitForOutboxDrainedAsync();
        return [.. Mailbox.Read(factory.MailDirectory, to).Where(m => m.Subject == subject)];
    }
}
