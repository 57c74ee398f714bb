using Auth.Application.Abstractions;
using Auth.Application.Common.Results;

namespace Auth.Application.Admin.Common;

/// <summary>
/// Runs an access change again when its commit lost to another change of the account or of an admin
/// (<see cref="AccessChangeGuard"/> pins every remaining admin's stamp), deciding afresh on what is stored now.
/// </summary>
public static class AccessChangeRetry
{
    private const int Attempts = 3;

    public static Task<Result<T>> RunAsync<T>(IUnitOfWork unitOfWork, Func<Task<Result<T>>> change) =>
        CommitRetry.RunAsync(unitOfWork, Attempts, change);
}
