using Auth.Application.Common.Authentication;
using Auth.Application.Common.Errors;

namespace Auth.UnitTests.Application.Mfa;

public sealed class StepUpTests
{
    [Test]
    public void An_account_with_a_second_factor_needs_an_aal2_session() =>
        Assert.That(StepUp.Check(accountHasMfa: true, "aal1"), Is.EqualTo(AuthErrors.MfaStepUpRequired));

    [Test]
    public void An_aal2_session_of_an_account_with_a_second_factor_may_go_ahead() =>
        Assert.That(StepUp.Check(accountHasMfa: true, "aal2"), Is.Null);

    [Test]
    public void An_account_without_a_second_factor_needs_no_step_up() =>
        Assert.That(StepUp.Check(accountHasMfa: false, "aal1"), Is.Null);

    [Test]
    public void An_unknown_level_is_not_aal2() =>
        Assert.That(StepUp.Check(accountHasMfa: true, "aal3?"), Is.EqualTo(AuthErrors.MfaStepUpRequired));
}
