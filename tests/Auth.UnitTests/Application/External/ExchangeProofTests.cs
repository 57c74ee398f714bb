using Auth.Application.External.Common;

namespace Auth.UnitTests.Application.External;

public class ExchangeProofTests
{
    // RFC 7636 appendix B.
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Test]
    public void The_rfcs_example_verifier_meets_its_challenge_and_no_other()
    {
        Assert.That(ExchangeProof.Matches(Verifier, Challenge), Is.True);
        Assert.That(ExchangeProof.Matches(Verifier[..^1] + "Y", Challenge), Is.False);
        Assert.That(ExchangeProof.Matches(Verifier, Challenge[..^1] + "N"), Is.False);
        Assert.That(ExchangeProof.Matches(Verifier, Challenge[..^1]), Is.False, "a shorter challenge is no match");
    }

    [TestCase("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", true)]
    [TestCase("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM=", false)]
    [TestCase("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM", false)]
    [TestCase("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c", false)]
    [TestCase("plain-verifier-is-not-a-challenge", false)]
    [TestCase(null, false)]
    public void A_challenge_is_43_base64url_characters(string? value, bool valid) =>
        Assert.That(ExchangeProof.IsChallenge(value), Is.EqualTo(valid));

    [TestCase(43, 'a', true)]
    [TestCase(128, '~', true)]
    [TestCase(42, 'a', false)]
    [TestCase(129, 'a', false)]
    [TestCase(43, '+', false)]
    [TestCase(43, 'é', false)]
    public void A_verifier_is_43_to_128_unreserved_characters(int length, char fill, bool valid) =>
        Assert.That(ExchangeProof.IsVerifier("A" + new string(fill, length - 1)), Is.EqualTo(valid));
}
