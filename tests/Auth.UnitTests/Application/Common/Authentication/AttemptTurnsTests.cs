using Auth.Application.Common.Authentication;

namespace Auth.UnitTests.Application.Common.Authentication;

public class AttemptTurnsTests
{
    private readonly AttemptTurns turns = new();

    [Test]
    public async Task The_second_caller_for_a_budget_waits_until_the_first_is_done()
    {
        var first = await turns.EnterAsync("ada@example.com", CancellationToken.None);

        var second = turns.EnterAsync("ada@example.com", CancellationToken.None).AsTask();

        Assert.That(second.IsCompleted, Is.False);
        first.Dispose();
        (await second).Dispose();
        Assert.That(turns.Count, Is.Zero);
    }

    [Test]
    public async Task Different_budgets_do_not_wait_for_each_other()
    {
        using var ada = await turns.EnterAsync("ada@example.com", CancellationToken.None);

        var grace = turns.EnterAsync("grace@example.com", CancellationToken.None);

        Assert.That(grace.IsCompleted, Is.True);
        (await grace).Dispose();
        Assert.That(turns.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task A_caller_cancelled_while_waiting_leaves_the_turns_as_they_were()
    {
        var first = await turns.EnterAsync("ada@example.com", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = turns.EnterAsync("ada@example.com", cancel.Token).AsTask();

        await cancel.CancelAsync();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        var third = turns.EnterAsync("ada@example.com", CancellationToken.None).AsTask();
        Assert.That(third.IsCompleted, Is.False, "the first caller still has its turn");
        first.Dispose();
        (await third).Dispose();
        Assert.That(turns.Count, Is.Zero);
    }
}
