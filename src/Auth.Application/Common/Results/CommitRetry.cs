using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;

namespace Auth.Application.Common.Results;

/// <summary>
/// Runs a change again when its commit lost to another change of the same rows (<c>ConcurrentUpdate</c>), deciding
/// afresh on what is stored now. Each loss means another change committed, so a bound on those bounds the tries.
/// </summary>
public static class CommitRetry
{
    public static async Task<TResult> RunAsync<TResult>(IUnitOfWork unitOfWork, int attempts, Func<Task<TResult>> change)
        where TResult : Result
    {
        var result = await change();
        for (var attempt = 1; attempt < attempts && result.Error == AuthErrors.ConcurrentUpdate; attempt++)
        {
            unitOfWork.Reset();
            result = await change();
        }

        return result;
    }
}
