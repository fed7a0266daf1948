using AfterSales.Domain.Complaints;
using AfterSales.Domain.Surveys;

namespace AfterSales.Domain.Tests.Surveys;

public sealed class SurveyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

    private static readonly SurveyQuestion Fixed = SurveyQuestion.Create(SurveyTopic.FixedFirstTime, SurveyQuestionKind.YesNo, "一次修好了吗?", "Fixed first time?", 10);
    private static readonly SurveyQuestion Work = SurveyQuestion.Create(SurveyTopic.Work, SurveyQuestionKind.Score5, "维修质量", "Work", 20);
    private static readonly SurveyQuestion Price = SurveyQuestion.Create(SurveyTopic.PriceExplanation, SurveyQuestionKind.Score5, "费用说明", "Price", 30);
    private static readonly SurveyQuestion Advisor = SurveyQuestion.Create(SurveyTopic.Advisor, SurveyQuestionKind.Score5, "顾问", "Advisor", 40);
    private static readonly SurveyQuestion Recommend = SurveyQuestion.Create(SurveyTopic.Recommend, SurveyQuestionKind.Recommend10, "推荐", "Recommend", 50);
    private static readonly SurveyQuestion Comment = SurveyQuestion.Create(SurveyTopic.Comment, SurveyQuestionKind.Text, "留言", "Comment", 60);
    private static readonly SurveyQuestion[] Questions = [Fixed, Work, Price, Advisor, Recommend, Comment];

    private static readonly SurveyOrderFacts Order = new(Guid.NewGuid(), "RO-BJ01-2026-000001", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        [new(SurveyStaffRole.Advisor, Guid.NewGuid(), "李娜"), new(SurveyStaffRole.Technician, Guid.NewGuid(), "赵磊"), new(SurveyStaffRole.Technician, null, "Tom Baker")],
        new DateOnly(2026, 11, 25));

    private static (SurveyResponse? Response, IReadOnlyList<AfterSales.Domain.Common.FieldError> Errors) Record(bool fixedFirstTime, int work, int price, int advisor, int recommend, string? comment = null, SurveyPolicy? policy = null) =>
        SurveyResponse.Record(Order, Questions,
            [new(Fixed.Id, Yes: fixedFirstTime), new(Work.Id, Score: work), new(Price.Id, Score: price), new(Advisor.Id, Score: advisor), new(Recommend.Id, Score: recommend), new(Comment.Id, Text: comment)],
            policy ?? SurveyPolicy.Defaults(), SurveyChannel.Call, null, new Actor(null, "王芳"), null, Now);

    [Fact]
    public void A_happy_survey_keeps_the_figures_and_the_question_wording_and_the_week_and_month()
    {
        var (response, errors) = Record(true, 5, 4, 4, 9, "很好");

        Assert.Empty(errors);
        Assert.Equal((false, true, 9, 4.33m, "很好"), (response!.IsUnhappy, response.FixedFirstTime, response.Recommend, response.AverageScore, response.Comment));
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 1)), (response.AnsweredWeek, response.AnsweredMonth));
        Assert.Equal(("维修质量", 1), (response.Answers.Single(a => a.Topic == SurveyTopic.Work).QuestionZh, response.Answers[1].QuestionRevision));
        Assert.Equal(3, response.Staff.Count);
    }

    [Theory]
    [InlineData(false, 5, 5, 5, 10, ComplaintCategory.RepairQuality, ComplaintUrgency.High)]
    [InlineData(true, 2, 5, 5, 10, ComplaintCategory.RepairQuality, ComplaintUrgency.Normal)]
    [InlineData(true, 5, 2, 1, 10, ComplaintCategory.Fees, ComplaintUrgency.High)]
    [InlineData(true, 5, 5, 2, 10, ComplaintCategory.StaffAttitude, ComplaintUrgency.Normal)]
    [InlineData(true, 5, 5, 5, 6, ComplaintCategory.Other, ComplaintUrgency.Normal)]
    public void Not_fixed_or_a_low_score_is_unhappy_and_guesses_the_category(bool fixedFirstTime, int work, int price, int advisor, int recommend, ComplaintCategory category, ComplaintUrgency urgency)
    {
        var (response, _) = Record(fixedFirstTime, work, price, advisor, recommend);
        var unhappy = SurveyRules.UnhappyAnswers(response!.Answers, SurveyPolicy.Defaults());

        Assert.True(response.IsUnhappy);
        Assert.Equal((category, urgency), (SurveyRules.GuessCategory(unhappy), SurveyRules.GuessUrgency(unhappy)));
    }

    [Fact]
    public void The_thresholds_come_from_the_policy()
    {
        var strict = SurveyPolicy.Defaults();
        strict.Update(3, 8, 14);

        Assert.False(Record(true, 3, 3, 3, 7).Response!.IsUnhappy);
        Assert.True(Record(true, 3, 3, 3, 7, policy: strict).Response!.IsUnhappy);
        Assert.NotEmpty(SurveyPolicy.Check(5, 10, 0));
    }

    [Fact]
    public void Missing_or_out_of_range_answers_are_refused_and_the_comment_is_optional()
    {
        var (response, errors) = SurveyResponse.Record(Order, Questions,
            [new(Work.Id, Score: 0), new(Price.Id, Score: 6), new(Advisor.Id, Score: 3), new(Recommend.Id, Score: 11), new(Guid.NewGuid(), Score: 3)],
            SurveyPolicy.Defaults(), SurveyChannel.Link, null, new Actor(null, "客户"), null, Now);

        Assert.Null(response);
        Assert.Equal(
            ["survey.question_unknown", "survey.answer_required", "survey.score_range", "survey.score_range", "survey.recommend_range"],
            errors.Select(e => e.Code).ToList());
    }

    [Fact]
    public void A_comment_names_staff_by_full_name_given_name_or_surname_with_a_title()
    {
        var (response, _) = Record(true, 5, 5, 5, 10);
        var staff = response!.Staff;

        Assert.Equal(["赵磊"], SurveyRules.NamedInComment("赵师傅修得很仔细", staff).Select(s => s.Name));
        Assert.Equal(["李娜", "赵磊"], SurveyRules.NamedInComment("李娜很热情,赵磊也不错", staff).Select(s => s.Name));
        Assert.Equal(["Tom Baker"], SurveyRules.NamedInComment("thanks to tom baker", staff).Select(s => s.Name));
        Assert.Empty(SurveyRules.NamedInComment("都很好", staff));
    }

    [Fact]
    public void Rewording_raises_the_revision_but_reordering_does_not()
    {
        var question = SurveyQuestion.Create(SurveyTopic.Time, SurveyQuestionKind.Score5, "时间", "Time", 10);

        question.Update("时间", "Time", 20, true);
        var unchanged = question.Revision;
        question.Update("用时", "Time taken", 20, true);

        Assert.Equal((1, 2), (unchanged, question.Revision));
    }

    [Theory]
    [InlineData(2, 1, 4, 25.0)]
    [InlineData(0, 3, 3, -100.0)]
    public void Nps_is_promoters_minus_detractors_in_percent(int promoters, int detractors, int answered, double expected) =>
        Assert.Equal((decimal)expected, SurveyRules.NetPromoterScore(promoters, detractors, answered));
}
