using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Notifications;

public sealed class GetMessage(AfterSalesDb db, ICurrentUser user, AccessGuard guard)
{
    public async Task<Outcome<MessageView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return message is null ? await guard.NotFoundAsync<OutboxMessage, MessageView>(id, ct) : MessageView.From(message, user.SeesFullContact);
    }
}
