using Auth.Application.Abstractions;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// A password hasher that can be held shut, so a test can fill the hashing queue deterministically. Open, it hashes
/// with a plain SHA-256 stand-in (the bound under test is about waiting, not about Argon2id).
/// </summary>
public sealed class GatedPasswordHasher : IPasswordHasher
{
    private readonly object sync = new();
    private TaskCompletionSource gate = Opened();
    private int waiting;

    public int Waiting => Volatile.Read(ref waiting);

    public void Close()
    {
        lock (sync)
        {
            gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Open()
    {
        lock (sync)
        {
            gate.TrySetResult();
        }
    }

    public async Task WaitUntilWaitingAsync(int count)
    {
        await Eventually.WaitUntilAsync(() => Waiting >= count, $"{count} requests waiting for a hash");
    }

    public async ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        await PassAsync(cancellationToken);
        return "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(password)));
    }

    public async ValueTask<PasswordVerification> VerifyAsync(string? hash, string password, CancellationToken cancellationToken)
    {
        var expected = await HashAsync(password, cancellationToken);
        return hash == expected ? PasswordVerification.Succeeded : PasswordVerification.Failed;
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        Task open;
        lock (sync)
        {
            open = gate.Task;
        }

        Interlocked.Increment(ref waiting);
        try
        {
            await open.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }
}
