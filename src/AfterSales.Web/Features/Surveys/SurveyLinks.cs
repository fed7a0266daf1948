using System.Globalization;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Surveys;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.PublicAccess;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Surveys;

public static class SurveyMessages
{
    /// <summary>The survey link after delivery: a service message about the customer's own order.</summary>
    public static readonly NotificationTemplate SurveyLink = new("survey_link", NotificationPurpose.Service, ["store", "number", "link", "days"]);
}

/// <summary>
/// The customer's survey link: a signed token bound to the purpose "survey" and to one repair order, valid for the
/// policy's number of days. It proves nothing else (no phone, no other order).
/// </summary>
public sealed class SurveyLinks(CustomerTokens tokens)
{
    public const string Purpose = "survey";

    public static string PathOf(string token) => "/my/survey/" + Uri.EscapeDataString(token);

    public VerifiedPhone Issue(Guid orderId, int validDays) => tokens.Issue(orderId.ToString("N", CultureInfo.InvariantCulture), Purpose, TimeSpan.FromDays(validDays));

    /// <summary>The order the token is for; null when it is missing, forged, expired or made for another purpose.</summary>
    public Guid? OrderOf(string? token) =>
        Guid.TryParseExact(tokens.ReadPhone(token, Purpose), "N", out var id) ? id : null;
}

/// <summary>Sends the survey link to the customer's mobile as an outbox message, in their language.</summary>
public sealed class SendSurveyLink(AfterSalesDb db, SurveyLinks links, Notifications.Notifications notifications, AccessGuard guard)
{
    public async Task<Outcome<SurveyLinkView>> HandleAsync(Guid orderId, SendSurveyLinkRequest request, string publicBaseUrl, CancellationToken ct)
    {
        var order = await SurveyOrders.OrderAsync(db, orderId, system: false, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<Domain.RepairOrders.RepairOrder, SurveyLinkView>(orderId, ct);
        }

        if (order.DeliveredAt is null)
        {
            return Outcome<SurveyLinkView>.Conflict("survey.order_not_delivered");
        }

        if (await db.Set<SurveyResponse>().IgnoreQueryFilters().AnyAsync(r => r.RepairOrderId == orderId, ct))
        {
            return Outcome<SurveyLinkView>.Conflict("survey.already_answered");
        }

        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == order.CustomerId, ct);
        var mobile = customer.Phones.OrderByDescending(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(PhoneNumber.IsMobile);
        if (mobile is null)
        {
            return Outcome<SurveyLinkView>.Invalid("survey.no_mobile");
        }

        var policy = await SurveyOrders.PolicyAsync(db, ct);
        var token = links.Issue(orderId, policy.LinkValidDays);
        var url = publicBaseUrl.TrimEnd('/') + SurveyLinks.PathOf(token.Token);
        var message = notifications.Enqueue(db, new NotificationRequest(
            SurveyMessages.SurveyLink,
            NotificationChannel.Sms,
            mobile,
            new Dictionary<string, string>
            {
                ["store"] = order.StoreName,
                ["number"] = order.Number,
                ["link"] = url,
                ["days"] = policy.LinkValidDays.ToString(CultureInfo.InvariantCulture),
            },
            order.StoreId,
            customer.Id,
            Culture: request.Culture ?? CultureInfo.CurrentUICulture.Name));
        if (!message.IsOk)
        {
            return message.As<SurveyLinkView>();
        }

        await db.SaveChangesAsync(ct);
        return new SurveyLinkView(url, token.ExpiresAt, message.Value!.Id, mobile);
    }
}

/// <summary>
/// The customer's side: the survey opened from the link, without a login. The acting user is anonymous, so reads ignore
/// the staff store filter and are limited to the one order the token proves; the complaint is raised as the system.
/// </summary>
public sealed class PublicSurveys(AfterSalesDb db, SurveyLinks links, TimeProvider clock, IServiceScopeFactory scopes)
{
    public async Task<Outcome<PublicSurveyView>> GetAsync(string? token, CancellationToken ct)
    {
        if (links.OrderOf(token) is not { } orderId || await SurveyOrders.OrderAsync(db, orderId, system: true, ct) is not { } order)
        {
            return Outcome<PublicSurveyView>.NotFound();
        }

        var questions = await SurveyOrders.ActiveQuestionsAsync(db, ct);
        var answered = await db.Set<SurveyResponse>().IgnoreQueryFilters().AnyAsync(r => r.RepairOrderId == orderId, ct);
        return new PublicSurveyView(order.StoreName, order.Number, order.AssetName, order.DeliveredAt, questions.Select(SurveyQuestionView.From).ToList(), answered);
    }

    public async Task<Outcome<PublicSurveyReceipt>> SubmitAsync(string? token, PublicSurveyRequest request, CancellationToken ct)
    {
        if (links.OrderOf(token) is not { } orderId || await SurveyOrders.OrderAsync(db, orderId, system: true, ct) is not { } order)
        {
            return Outcome<PublicSurveyReceipt>.NotFound();
        }

        var recorded = await SurveyRecorder.RecordAsync(
            db, order, request.Answers ?? [], SurveyChannel.Link, null, new Actor(null, order.CustomerName), null, [], clock.GetUtcNow(), ct);
        if (!recorded.IsOk)
        {
            return recorded.As<PublicSurveyReceipt>();
        }

        if (recorded.Value!.IsUnhappy)
        {
            // A fresh scope acts as the system: the anonymous customer has no store scope for the complaint's intake.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RaiseSurveyComplaint>().HandleAsync(recorded.Value.Id, ct);
        }

        return new PublicSurveyReceipt(recorded.Value.IsUnhappy);
    }
}
