using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence;

internal sealed class UnitOfWork(AuthDbContext db, SqliteWriteGate writeGate) : IUnitOfWork
{
    public async Task<Result> SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            using (await writeGate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return Result.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return AuthErrors.ConcurrentUpdate;
        }
        catch (DbUpdateException e) when (UniqueConstraintViolation.IsOn(e, $"PK_{LoginThrottleConfiguration.TableName}", $"{LoginThrottleConfiguration.TableName}.NormalizedEmail"))
        {
            // Two first failures for one email both inserted its counter: the same race as a stale update.
            return AuthErrors.ConcurrentUpdate;
        }
        catch (DbUpdateException e) when (UniqueConstraintViolation.IsOn(e, UserConfiguration.EmailIndexName, "Users.NormalizedEmail"))
        {
            return AuthErrors.EmailTaken;
        }
    }

    public void Reset() => db.ChangeTracker.Clear();
}
