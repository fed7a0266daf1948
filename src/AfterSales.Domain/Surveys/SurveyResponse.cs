using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Surveys;

/// <summary>Who answered: the agent on a follow-up call, or the customer from a link in a message.</summary>
public enum SurveyChannel
{
    Call,
    Link,
}

/// <summary>The staff member's part in the order the survey is about.</summary>
public enum SurveyStaffRole
{
    Advisor,
    Technician,
}

/// <summary>One answer as given: a 1–5 or 0–10 score, a yes/no, or a text.</summary>
public sealed record SurveyAnswerInput(Guid QuestionId, int? Score = null, bool? Yes = null, string? Text = null);

/// <summary>The order's staff at the time of the survey, for analytics by person and for praise.</summary>
public sealed record SurveyStaffMember(SurveyStaffRole Role, Guid? StaffId, string Name);

/// <summary>
/// One customer's answers about one repair order (at most one per order). The answers copy the question's wording and
/// revision; the order's advisor and technicians are kept as they were, so later changes do not move old figures.
/// </summary>
public sealed class SurveyResponse
{
    public const int CommentMaxLength = 2000;
    public const int NotesMaxLength = 2000;

    private readonly List<SurveyAnswer> answers = [];
    private readonly List<SurveyResponseStaff> staff = [];

    private SurveyResponse()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public string RepairOrderNumber { get; private set; } = string.Empty;

    /// <summary>The follow-up call the agent answered it on, when there was one (no foreign key: calls live in the follow-up module).</summary>
    public Guid? FollowUpCallId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid AssetId { get; private set; }

    public SurveyChannel Channel { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }

    /// <summary>The store's local date of the answer, and the Monday and first day of its week and month: analytics group by them in the database.</summary>
    public DateOnly AnsweredOn { get; private set; }

    public DateOnly AnsweredWeek { get; private set; }

    public DateOnly AnsweredMonth { get; private set; }

    public Guid? RecordedById { get; private set; }

    public string RecordedByName { get; private set; } = string.Empty;

    public string? Comment { get; private set; }

    public string? AgentNotes { get; private set; }

    /// <summary>Copied from the "fixed on first visit?" answer; null when not asked.</summary>
    public bool? FixedFirstTime { get; private set; }

    /// <summary>Copied from the 0–10 recommendation answer; null when not asked.</summary>
    public int? Recommend { get; private set; }

    /// <summary>Average of the 1–5 answers, null when there were none.</summary>
    public decimal? AverageScore { get; private set; }

    /// <summary>A low score or "not fixed": the survey raised a complaint.</summary>
    public bool IsUnhappy { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<SurveyAnswer> Answers => answers;

    public IReadOnlyList<SurveyResponseStaff> Staff => staff;

    /// <summary>
    /// Checks the answers against the active questions and records them. Every question with a score or yes/no must be
    /// answered; text questions are optional.
    /// </summary>
    public static (SurveyResponse? Response, IReadOnlyList<FieldError> Errors) Record(
        SurveyOrderFacts order,
        IReadOnlyList<SurveyQuestion> questions,
        IReadOnlyList<SurveyAnswerInput> given,
        SurveyPolicy policy,
        SurveyChannel channel,
        Guid? followUpCallId,
        Actor recordedBy,
        string? agentNotes,
        DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var byQuestion = new Dictionary<Guid, SurveyAnswerInput>();
        foreach (var answer in given)
        {
            if (!questions.Any(q => q.Id == answer.QuestionId) || !byQuestion.TryAdd(answer.QuestionId, answer))
            {
                errors.Add(new FieldError("survey.question_unknown", answer.QuestionId.ToString()));
            }
        }

        if (agentNotes?.Trim().Length > NotesMaxLength)
        {
            errors.Add(new FieldError("survey.notes_too_long", "AgentNotes"));
        }

        var response = new SurveyResponse
        {
            Id = Guid.CreateVersion7(),
            StoreId = order.StoreId,
            RepairOrderId = order.RepairOrderId,
            RepairOrderNumber = order.Number,
            CustomerId = order.CustomerId,
            AssetId = order.AssetId,
            FollowUpCallId = followUpCallId,
            Channel = channel,
            AnsweredAt = now,
            AnsweredOn = order.LocalDate,
            AnsweredWeek = order.LocalDate.AddDays(-(((int)order.LocalDate.DayOfWeek + 6) % 7)),
            AnsweredMonth = new DateOnly(order.LocalDate.Year, order.LocalDate.Month, 1),
            RecordedById = recordedBy.UserId,
            RecordedByName = recordedBy.UserName,
            AgentNotes = Blank(agentNotes),
        };

        foreach (var question in questions.OrderBy(q => q.SortOrder))
        {
            byQuestion.TryGetValue(question.Id, out var input);
            var error = SurveyRules.CheckAnswer(question, input);
            if (error is not null)
            {
                errors.Add(new FieldError(error, question.Id.ToString()));
                continue;
            }

            if (input is null || (question.Kind == SurveyQuestionKind.Text && string.IsNullOrWhiteSpace(input.Text)))
            {
                continue;
            }

            response.answers.Add(new SurveyAnswer(response.Id, question, input));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        response.FixedFirstTime = response.answers.FirstOrDefault(a => a.Topic == SurveyTopic.FixedFirstTime && a.Kind == SurveyQuestionKind.YesNo)?.Yes;
        response.Recommend = response.answers.FirstOrDefault(a => a.Kind == SurveyQuestionKind.Recommend10)?.Score;
        var scores = response.answers.Where(a => a.Kind == SurveyQuestionKind.Score5).Select(a => a.Score!.Value).ToList();
        response.AverageScore = scores.Count == 0 ? null : Math.Round((decimal)scores.Sum() / scores.Count, 2);
        response.Comment = Blank(string.Join("\n", response.answers.Where(a => a.Kind == SurveyQuestionKind.Text).Select(a => a.Text)));
        response.IsUnhappy = SurveyRules.UnhappyAnswers(response.answers, policy).Count > 0;
        foreach (var member in order.Staff.DistinctBy(s => (s.Role, s.Name)))
        {
            response.staff.Add(new SurveyResponseStaff(response.Id, member));
        }

        return (response, []);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a survey needs to know about the repair order it is about; <see cref="LocalDate"/> is today in the store's time zone.</summary>
public sealed record SurveyOrderFacts(Guid RepairOrderId, string Number, Guid StoreId, Guid CustomerId, Guid AssetId, IReadOnlyList<SurveyStaffMember> Staff, DateOnly LocalDate);

/// <summary>One answer with the question's wording and revision as they were when it was given.</summary>
public sealed class SurveyAnswer
{
    public const int TextMaxLength = SurveyResponse.CommentMaxLength;

    private SurveyAnswer()
    {
    }

    internal SurveyAnswer(Guid responseId, SurveyQuestion question, SurveyAnswerInput input)
    {
        Id = Guid.CreateVersion7();
        ResponseId = responseId;
        QuestionId = question.Id;
        QuestionRevision = question.Revision;
        Topic = question.Topic;
        Kind = question.Kind;
        SortOrder = question.SortOrder;
        QuestionZh = question.TextZh;
        QuestionEn = question.TextEn;
        Score = question.Kind is SurveyQuestionKind.Score5 or SurveyQuestionKind.Recommend10 ? input.Score : null;
        Yes = question.Kind == SurveyQuestionKind.YesNo ? input.Yes : null;
        Text = question.Kind == SurveyQuestionKind.Text ? input.Text?.Trim() : null;
    }

    public Guid Id { get; private set; }

    public Guid ResponseId { get; private set; }

    public Guid QuestionId { get; private set; }

    public int QuestionRevision { get; private set; }

    public SurveyTopic Topic { get; private set; }

    public SurveyQuestionKind Kind { get; private set; }

    public int SortOrder { get; private set; }

    public string QuestionZh { get; private set; } = string.Empty;

    public string QuestionEn { get; private set; } = string.Empty;

    public int? Score { get; private set; }

    public bool? Yes { get; private set; }

    public string? Text { get; private set; }
}

/// <summary>The advisor or a technician of the order, as they were when the survey was answered.</summary>
public sealed class SurveyResponseStaff
{
    public const int NameMaxLength = 100;

    private SurveyResponseStaff()
    {
    }

    internal SurveyResponseStaff(Guid responseId, SurveyStaffMember member)
    {
        Id = Guid.CreateVersion7();
        ResponseId = responseId;
        Role = member.Role;
        StaffId = member.StaffId;
        Name = member.Name.Trim();
    }

    public Guid Id { get; private set; }

    public Guid ResponseId { get; private set; }

    public SurveyStaffRole Role { get; private set; }

    public Guid? StaffId { get; private set; }

    public string Name { get; private set; } = string.Empty;
}

/// <summary>A customer's praise for a named staff member, from a positive survey.</summary>
public sealed class StaffPraise
{
    private StaffPraise()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid ResponseId { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public SurveyStaffRole Role { get; private set; }

    public Guid? StaffId { get; private set; }

    public string StaffName { get; private set; } = string.Empty;

    public string? Comment { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static StaffPraise For(SurveyResponse response, SurveyResponseStaff member, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = response.StoreId,
        ResponseId = response.Id,
        RepairOrderId = response.RepairOrderId,
        Role = member.Role,
        StaffId = member.StaffId,
        StaffName = member.Name,
        Comment = response.Comment,
        RecordedAt = now,
    };
}
