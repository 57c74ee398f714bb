using Auth.Domain.Sessions;

namespace Auth.UnitTests.Domain.Sessions;

public class ExternalAuthenticationMethodsTests
{
    [Test]
    public void An_external_sign_in_is_ext_and_the_providers_registered_values_but_never_two_factors_by_itself()
    {
        var amr = AuthenticationMethods.ExternalSignIn(["pwd", "mfa", "otp", "made-up", "pwd"]);

        Assert.That(amr, Is.EqualTo(new[] { "ext", "pwd", "otp" }));
        Assert.That(AuthenticationMethods.AssuranceLevel(amr), Is.EqualTo("aal1"));
    }

    [Test]
    public void A_second_factor_after_an_external_sign_in_names_both_and_makes_aal2()
    {
        var amr = AuthenticationMethods.TwoFactors(["ext"], AuthenticationMethods.OneTimePassword);

        Assert.That(amr, Is.EqualTo(new[] { "ext", "otp", "mfa" }));
        Assert.That(AuthenticationMethods.AssuranceLevel(amr), Is.EqualTo("aal2"));
        Assert.That(AuthenticationMethods.TwoFactors(["pwd"], "otp"), Is.EqualTo(AuthenticationMethods.PasswordAndOneTimeCode), "a password's sign-in is as before");
    }
}
