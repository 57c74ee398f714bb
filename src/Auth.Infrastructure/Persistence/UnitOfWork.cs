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
        catch (DbUpdateException e) when (UniqueConstraintViolation.IsForeignKey(e))
        {
            // What this unit of work wrote hangs off a row another request deleted: the same race, lost.
            return AuthErrors.ConcurrentUpdate;
        }
        catch (DbUpdateException e) when (UniqueConstraintViolation.IsOn(e, UserConfiguration.EmailIndexName, "Users.NormalizedEmail"))
        {
            return AuthErrors.EmailTaken;
        }
    }

    public void Reset() => db.ChangeTracker.Clear();
}
