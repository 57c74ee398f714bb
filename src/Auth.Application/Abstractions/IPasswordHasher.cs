namespace Auth.Application.Abstractions;

public interface IPasswordHasher
{
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies <paramref name="password"/> against <paramref name="hash"/>. With no hash (unknown account) it
    /// verifies against a dummy hash of the same cost and fails, so both paths take the same time.
    /// </summary>
    ValueTask<PasswordVerification> VerifyAsync(string? hash, string password, CancellationToken cancellationToken);
}
