using AfterSales.Domain.Parts;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>One part with its supersession both ways: what replaces it and what it replaces.</summary>
public sealed class GetPart(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Outcome<PartView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var part = await db.Set<Part>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return part is null ? Outcome<PartView>.NotFound() : await ViewAsync(db, part, PartRoles.SeesCost(user), ct);
    }

    public async Task<Outcome<PartView>> ByNumberAsync(string number, CancellationToken ct)
    {
        var normalized = Part.NormalizeNumber(number);
        var part = await db.Set<Part>().AsNoTracking().FirstOrDefaultAsync(p => p.Number == normalized, ct);
        return part is null ? Outcome<PartView>.NotFound() : await ViewAsync(db, part, PartRoles.SeesCost(user), ct);
    }

    internal static async Task<PartView> ViewAsync(AfterSalesDb db, Part part, bool seesCost, CancellationToken ct)
    {
        var replacedBy = part.ReplacedByNumber is { } next
            ? await db.Set<Part>().AsNoTracking().Where(p => p.Number == next).FirstOrDefaultAsync(ct)
            : null;
        var replaces = await db.Set<Part>().AsNoTracking().Where(p => p.ReplacedByNumber == part.Number).OrderBy(p => p.Number).ToListAsync(ct);
        return PartView.From(part, seesCost, replacedBy is null ? null : PartSummary.From(replacedBy), replaces.Select(PartSummary.From).ToList());
    }
}
