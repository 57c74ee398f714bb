using Auth.Application.Admin.RecordRefusedCall;
using Microsoft.Extensions.Time.Testing;

namespace Auth.UnitTests.Application.Admin.RecordRefusedCall;

public class RefusedCallSamplerTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void One_refusal_per_account_per_window_is_recorded()
    {
        var sampler = new RefusedCallSampler(time);
        var prober = Guid.NewGuid();
        var other = Guid.NewGuid();

        var first = sampler.ShouldRecord(prober);
        var again = sampler.ShouldRecord(prober);
        var someoneElse = sampler.ShouldRecord(other);
        time.Advance(RefusedCallSampler.Window - TimeSpan.FromSeconds(1));
        var stillInWindow = sampler.ShouldRecord(prober);
        time.Advance(TimeSpan.FromSeconds(1));
        var nextWindow = sampler.ShouldRecord(prober);

        Assert.That(new[] { first, again, someoneElse, stillInWindow, nextWindow }, Is.EqualTo(new[] { true, false, true, false, true }));
    }

    [Test]
    public void Concurrent_refusals_of_one_account_record_once()
    {
        var sampler = new RefusedCallSampler(time);
        var prober = Guid.NewGuid();

        var recorded = Enumerable.Range(0, 64).AsParallel().Count(_ => sampler.ShouldRecord(prober));

        Assert.That(recorded, Is.EqualTo(1));
    }
}
