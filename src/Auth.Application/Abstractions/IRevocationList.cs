namespace Auth.Application.Abstractions;

/// <summary>
/// The sessions whose access tokens must be refused. Read on every authenticated request, so implementations
/// answer from memory.
/// </summary>
public interface IRevocationList
{
    bool IsRevoked(Guid sessionId);

    /// <summary>Refuse tokens of <paramref name="sessionId"/> until <paramref name="until"/>, when they have all expired.</summary>
    void Revoke(Guid sessionId, DateTimeOffset until);
}
