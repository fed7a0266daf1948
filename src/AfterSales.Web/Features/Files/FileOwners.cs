using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Files;

/// <summary>An owner the current user may see: its store, and why nothing more may be attached (a closed record), if so.</summary>
public sealed record FileOwnerInfo(Guid StoreId, string? AttachRefusal = null);

/// <summary>
/// A module whose records carry files. The file store asks it, for the acting user, whether a record is visible
/// (which also decides who may download its files) and whether files may still be added.
/// Register with <see cref="FileEndpoints.AddFileOwner{TOwner}"/>.
/// </summary>
public interface IFileOwner
{
    /// <summary>The owner kind stored on each file ("complaint"); short, lower case, stable.</summary>
    string Kind { get; }

    /// <summary>Null when the record does not exist or the acting user may not see it.</summary>
    Task<FileOwnerInfo?> FindAsync(Guid ownerId, CancellationToken ct);

    /// <summary>The "not found" answer for an owner that is not visible; audits attempts on other stores' records.</summary>
    Task<Outcome<T>> RefuseAsync<T>(Guid ownerId, CancellationToken ct);
}

/// <summary>An owner backed by an entity, so refusals go through <see cref="AccessGuard"/> like every other id.</summary>
public abstract class FileOwner<TEntity>(AccessGuard guard) : IFileOwner
    where TEntity : class
{
    public abstract string Kind { get; }

    public abstract Task<FileOwnerInfo?> FindAsync(Guid ownerId, CancellationToken ct);

    public Task<Outcome<T>> RefuseAsync<T>(Guid ownerId, CancellationToken ct) => guard.NotFoundAsync<TEntity, T>(ownerId, ct);
}

public sealed class FileOwners(IEnumerable<IFileOwner> owners)
{
    public IFileOwner? For(string? kind) => owners.FirstOrDefault(o => string.Equals(o.Kind, kind, StringComparison.Ordinal));
}
