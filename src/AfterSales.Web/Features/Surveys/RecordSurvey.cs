using AfterSales.Domain.Complaints;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Surveys;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Surveys;

/// <summary>
/// Records one survey per delivered order, by whoever answers it: checks the answers, refuses a second answer (also a
/// simultaneous one: the unique index on the order decides), records praise, and leaves raising the complaint to the caller.
/// </summary>
internal static class SurveyRecorder
{
    public static async Task<Outcome<SurveyResponse>> RecordAsync(
        AfterSalesDb db,
        SurveyOrderView order,
        IReadOnlyList<SurveyAnswerInput> answers,
        SurveyChannel channel,
        Guid? followUpCallId,
        Actor actor,
        string? agentNotes,
        IReadOnlyList<string> praisedNames,
        DateTimeOffset now,
        CancellationToken ct)
    {
        if (order.DeliveredAt is null)
        {
            return Outcome<SurveyResponse>.Conflict("survey.order_not_delivered");
        }

        if (await db.Set<SurveyResponse>().IgnoreQueryFilters().AnyAsync(r => r.RepairOrderId == order.RepairOrderId, ct))
        {
            return Outcome<SurveyResponse>.Conflict("survey.already_answered");
        }

        var questions = await SurveyOrders.ActiveQuestionsAsync(db, ct);
        var policy = await SurveyOrders.PolicyAsync(db, ct);
        var facts = new SurveyOrderFacts(order.RepairOrderId, order.Number, order.StoreId, order.CustomerId, order.AssetId,
            order.Staff.Select(s => new SurveyStaffMember(s.Role, s.StaffId, s.Name)).ToList(),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(order.StoreTimeZone)).DateTime));
        var (response, errors) = SurveyResponse.Record(facts, questions, answers, policy, channel, followUpCallId, actor, agentNotes, now);
        if (response is null)
        {
            return Outcome<SurveyResponse>.Invalid(errors);
        }

        var unknown = praisedNames.Where(n => !response.Staff.Any(s => s.Name == n.Trim())).ToList();
        if (unknown.Count > 0)
        {
            return Outcome<SurveyResponse>.Invalid("survey.praise_not_order_staff", "PraisedStaff");
        }

        db.Add(response);
        var praised = response.Staff.Where(s => praisedNames.Any(n => n.Trim() == s.Name)).ToList();
        if (!response.IsUnhappy)
        {
            praised.AddRange(SurveyRules.NamedInComment(response.Comment, response.Staff));
        }

        foreach (var member in praised.DistinctBy(s => s.Id))
        {
            db.Add(StaffPraise.For(response, member, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Outcome<SurveyResponse>.Conflict("survey.already_answered");
        }

        return response;
    }
}

/// <summary>The agent records the survey on the follow-up call; an unhappy survey becomes a complaint at once, received by the agent.</summary>
public sealed class RecordSurvey(AfterSalesDb db, ICurrentUser user, TimeProvider clock, RaiseSurveyComplaint complaints, AccessGuard guard)
{
    public async Task<Outcome<SurveyResponseView>> HandleAsync(Guid orderId, RecordSurveyRequest request, CancellationToken ct)
    {
        var order = await SurveyOrders.OrderAsync(db, orderId, system: false, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, SurveyResponseView>(orderId, ct);
        }

        var recorded = await SurveyRecorder.RecordAsync(
            db, order, request.Answers ?? [], SurveyChannel.Call, request.FollowUpCallId, new Actor(user.UserId, user.UserName), request.AgentNotes,
            request.PraisedStaff ?? [], clock.GetUtcNow(), ct);
        if (!recorded.IsOk)
        {
            return recorded.As<SurveyResponseView>();
        }

        if (recorded.Value!.IsUnhappy)
        {
            await complaints.HandleAsync(recorded.Value.Id, ct);
        }

        return (await SurveyOrders.ResponseOfOrderAsync(db, orderId, ct))!;
    }
}

/// <summary>The survey page: the order, the questions in force and the answer once given.</summary>
public sealed class GetOrderSurvey(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<OrderSurveyView>> HandleAsync(Guid orderId, CancellationToken ct)
    {
        var order = await SurveyOrders.OrderAsync(db, orderId, system: false, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, OrderSurveyView>(orderId, ct);
        }

        var questions = await SurveyOrders.ActiveQuestionsAsync(db, ct);
        return new OrderSurveyView(order, questions.Select(SurveyQuestionView.From).ToList(), await SurveyOrders.ResponseOfOrderAsync(db, orderId, ct),
            SurveyPolicyView.From(await SurveyOrders.PolicyAsync(db, ct)));
    }
}

/// <summary>
/// Opens the one complaint an unhappy survey raises, through the complaint module's own intake, pre-filled with the
/// customer, asset, order, a category guess, the answers and the agent's notes. The link row is saved in the complaint's
/// transaction with the response as its key, so retries and simultaneous calls end with exactly one complaint.
/// </summary>
public sealed class RaiseSurveyComplaint(AfterSalesDb db, RecordComplaint record, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public async Task<Outcome<SurveyComplaintView>> HandleAsync(Guid responseId, CancellationToken ct)
    {
        var response = await db.Set<SurveyResponse>().AsNoTracking().Include(r => r.Answers).FirstOrDefaultAsync(r => r.Id == responseId, ct);
        if (response is null)
        {
            return Outcome<SurveyComplaintView>.NotFound();
        }

        if (await ExistingAsync(responseId, ct) is { } existing)
        {
            return existing;
        }

        var policy = await SurveyOrders.PolicyAsync(db, ct);
        var unhappy = SurveyRules.UnhappyAnswers(response.Answers, policy);
        if (!response.IsUnhappy || unhappy.Count == 0)
        {
            return Outcome<SurveyComplaintView>.Conflict("survey.not_unhappy");
        }

        var request = new RecordComplaintRequest(
            ComplaintChannel.FollowUpCall,
            response.CustomerId,
            Truncate(Problem(response, unhappy), Complaint.CoreProblemMaxLength),
            l["survey.complaint_expectation"].Value,
            SurveyRules.GuessCategory(unhappy),
            SurveyRules.GuessUrgency(unhappy),
            response.AssetId,
            response.RepairOrderNumber,
            StoreId: response.StoreId);
        try
        {
            var recorded = await record.HandleAsync(request, c => new SurveyComplaint { ResponseId = response.Id, ComplaintId = c.Id, ComplaintNumber = c.Number, RaisedAt = clock.GetUtcNow() }, ct);
            return recorded.IsOk
                ? new SurveyComplaintView(response.Id, recorded.Value!.Complaint.Id, recorded.Value.Complaint.Number)
                : recorded.As<SurveyComplaintView>();
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Someone raised it at the same moment: their complaint stands, ours rolled back with its link.
            db.ChangeTracker.Clear();
            return (await ExistingAsync(responseId, ct))!;
        }
    }

    private async Task<SurveyComplaintView?> ExistingAsync(Guid responseId, CancellationToken ct) =>
        await db.Set<SurveyComplaint>().AsNoTracking().Where(c => c.ResponseId == responseId)
            .Select(c => new SurveyComplaintView(c.ResponseId, c.ComplaintId, c.ComplaintNumber)).FirstOrDefaultAsync(ct);

    private string Problem(SurveyResponse response, IReadOnlyList<SurveyAnswer> unhappy)
    {
        var en = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var lines = new List<string> { string.Format(System.Globalization.CultureInfo.CurrentCulture, l["survey.complaint_intro"].Value, response.RepairOrderNumber) };
        foreach (var answer in unhappy)
        {
            var question = en ? answer.QuestionEn : answer.QuestionZh;
            var value = answer.Kind switch
            {
                SurveyQuestionKind.YesNo => l[answer.Yes == true ? "survey.yes" : "survey.no"].Value,
                SurveyQuestionKind.Score5 => $"{answer.Score}/5",
                _ => $"{answer.Score}/10",
            };
            lines.Add($"· {question} {value}");
        }

        if (response.Comment is { } comment)
        {
            lines.Add(l["survey.complaint_comment"].Value + " " + comment);
        }

        if (response.AgentNotes is { } notes)
        {
            lines.Add(l["survey.complaint_notes"].Value + " " + notes);
        }

        return string.Join("\n", lines);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
