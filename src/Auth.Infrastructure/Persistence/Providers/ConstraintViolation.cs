using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Auth.Infrastructure.Persistence.Providers;

public enum ConstraintKind
{
    None,

    /// <summary>A unique index or a primary key.</summary>
    Unique,
    ForeignKey,
}

/// <summary>
/// A violated constraint as the providers report it, told apart by the engine's error number or SQLSTATE and named
/// as the model names it (<c>IX_Users_NormalizedEmail</c>, <c>PK_LoginThrottles</c>), so a caller compares names it
/// declared rather than an engine's message.
/// </summary>
internal readonly record struct ConstraintViolation(ConstraintKind Kind, string? Constraint)
{
    public static readonly ConstraintViolation None = new(ConstraintKind.None, null);

    public bool IsUniqueOn(string constraint) => Kind == ConstraintKind.Unique && Constraint == constraint;

    /// <summary>The model's name for the unique index or key (the primary key included) on exactly these columns of this table.</summary>
    public static string? UniqueConstraintOn(IModel model, string table, IReadOnlyList<string> columns)
    {
        var found = model.GetRelationalModel().Tables.FirstOrDefault(t => t.Name == table);
        if (found is null)
        {
            return null;
        }

        bool On(IEnumerable<IColumn> candidate) => candidate.Select(c => c.Name).SequenceEqual(columns);
        return found.Indexes.Where(i => i.IsUnique).FirstOrDefault(i => On(i.Columns))?.Name
            ?? found.UniqueConstraints.FirstOrDefault(k => On(k.Columns))?.Name;
    }
}
