using AfterSales.Domain.Surveys;

namespace AfterSales.Web.Features.Surveys;

public sealed record SurveyQuestionView(Guid Id, SurveyTopic Topic, SurveyQuestionKind Kind, string TextZh, string TextEn, int SortOrder, bool IsActive, int Revision, int Version)
{
    public static SurveyQuestionView From(SurveyQuestion q) => new(q.Id, q.Topic, q.Kind, q.TextZh, q.TextEn, q.SortOrder, q.IsActive, q.Revision, q.Version);

    public string TextIn(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? TextEn : TextZh;
}

public sealed record SurveyPolicyView(int LowScoreAtMost, int LowRecommendAtMost, int LinkValidDays, int Version)
{
    public static SurveyPolicyView From(SurveyPolicy p) => new(p.LowScoreAtMost, p.LowRecommendAtMost, p.LinkValidDays, p.Version);
}

public sealed record SurveyStaffView(SurveyStaffRole Role, Guid? StaffId, string Name);

/// <summary>The repair order a survey is about, as the agent sees it beside the questions.</summary>
public sealed record SurveyOrderView(
    Guid RepairOrderId,
    string Number,
    Guid StoreId,
    string StoreName,
    string StoreTimeZone,
    Guid CustomerId,
    string CustomerName,
    Guid AssetId,
    string AssetName,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<SurveyStaffView> Staff);

public sealed record SurveyAnswerView(Guid QuestionId, int QuestionRevision, SurveyTopic Topic, SurveyQuestionKind Kind, string QuestionZh, string QuestionEn, int? Score, bool? Yes, string? Text)
{
    public string QuestionIn(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? QuestionEn : QuestionZh;
}

/// <summary>A recorded survey with the complaint it raised and the praise it gave, if any.</summary>
public sealed record SurveyResponseView(
    Guid Id,
    Guid RepairOrderId,
    string RepairOrderNumber,
    Guid? FollowUpCallId,
    SurveyChannel Channel,
    DateTimeOffset AnsweredAt,
    string RecordedByName,
    string? Comment,
    string? AgentNotes,
    bool? FixedFirstTime,
    int? Recommend,
    decimal? AverageScore,
    bool IsUnhappy,
    Guid? ComplaintId,
    string? ComplaintNumber,
    IReadOnlyList<SurveyAnswerView> Answers,
    IReadOnlyList<SurveyStaffView> Praised);

/// <summary>Everything the survey page needs: the order, the questions to ask and the answer, once there is one.</summary>
public sealed record OrderSurveyView(SurveyOrderView Order, IReadOnlyList<SurveyQuestionView> Questions, SurveyResponseView? Response, SurveyPolicyView Policy);

/// <summary>The complaint a survey raised.</summary>
public sealed record SurveyComplaintView(Guid ResponseId, Guid ComplaintId, string ComplaintNumber);

/// <summary>What the customer sees on the public survey page: no staff details beyond names, no ids of other records.</summary>
public sealed record PublicSurveyView(
    string StoreName,
    string OrderNumber,
    string AssetName,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<SurveyQuestionView> Questions,
    bool AlreadyAnswered);

/// <summary>The customer's answers from the survey link.</summary>
public sealed record PublicSurveyRequest(IReadOnlyList<SurveyAnswerInput> Answers);

/// <summary>What the customer is told after answering.</summary>
public sealed record PublicSurveyReceipt(bool FollowUpPromised);

/// <summary>
/// The agent's record of the survey on a follow-up call. <see cref="FollowUpCallId"/> ties it to the call (no foreign
/// key); <see cref="PraisedStaff"/> are names of the order's advisor or technicians the customer praised.
/// </summary>
public sealed record RecordSurveyRequest(
    IReadOnlyList<SurveyAnswerInput> Answers,
    Guid? FollowUpCallId = null,
    string? AgentNotes = null,
    IReadOnlyList<string>? PraisedStaff = null);

/// <summary>The link sent to the customer, and the outbox message carrying it.</summary>
public sealed record SurveyLinkView(string Url, DateTimeOffset ExpiresAt, Guid? MessageId, string? Recipient);

public sealed record SendSurveyLinkRequest(string? Culture = null);
