using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Files;

/// <summary>Staff attach a file to a record they can see (any module registered as an <see cref="IFileOwner"/>).</summary>
public sealed class UploadFile(FileOwners owners, FileIntake intake, ICurrentUser user)
{
    public async Task<Outcome<StoredFileView>> HandleAsync(string? ownerKind, Guid ownerId, string? fileName, Stream content, CancellationToken ct)
    {
        if (owners.For(ownerKind) is not { } owner)
        {
            return Outcome<StoredFileView>.Invalid("file.owner_kind_unknown", "OwnerKind");
        }

        var info = await owner.FindAsync(ownerId, ct);
        if (info is null)
        {
            return await owner.RefuseAsync<StoredFileView>(ownerId, ct);
        }

        if (info.AttachRefusal is { } refusal)
        {
            return Outcome<StoredFileView>.Conflict(refusal);
        }

        return await intake.AcceptAsync(new FileDraft(owner.Kind, ownerId, info.StoreId, user.UserId, user.UserName), fileName, content, ct);
    }
}
