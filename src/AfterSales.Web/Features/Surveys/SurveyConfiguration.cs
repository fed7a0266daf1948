using AfterSales.Domain.Surveys;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Surveys;

/// <summary>The complaint a survey raised: the response id is the key, so a survey can raise only one.</summary>
public sealed class SurveyComplaint
{
    public Guid ResponseId { get; set; }

    public Guid ComplaintId { get; set; }

    public string ComplaintNumber { get; set; } = string.Empty;

    public DateTimeOffset RaisedAt { get; set; }
}

public static class SurveyModel
{
    public static void FilterByStore(ModelBuilder builder, AfterSalesDb db)
    {
        builder.Entity<SurveyResponse>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.StoreId));
        builder.Entity<StaffPraise>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.StoreId));
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    /// <summary>The default questions every installation starts with; administrators reword, reorder or retire them.</summary>
    internal static readonly (SurveyTopic Topic, SurveyQuestionKind Kind, string Zh, string En)[] Defaults =
    [
        (SurveyTopic.FixedFirstTime, SurveyQuestionKind.YesNo, "这次的问题一次修好了吗?", "Was the problem fixed on the first visit?"),
        (SurveyTopic.Work, SurveyQuestionKind.Score5, "您对维修质量满意吗?", "How satisfied are you with the work?"),
        (SurveyTopic.Advisor, SurveyQuestionKind.Score5, "您对服务顾问满意吗?", "How satisfied are you with your service advisor?"),
        (SurveyTopic.Time, SurveyQuestionKind.Score5, "您对维修用时和交车时间满意吗?", "How satisfied are you with the time it took?"),
        (SurveyTopic.PriceExplanation, SurveyQuestionKind.Score5, "费用是否向您解释清楚?", "How clearly was the price explained to you?"),
        (SurveyTopic.Recommend, SurveyQuestionKind.Recommend10, "您有多大可能向亲友推荐我们?", "How likely are you to recommend us to friends and family?"),
        (SurveyTopic.Comment, SurveyQuestionKind.Text, "还有什么想对我们说的吗?", "Anything else you would like to tell us?"),
    ];

    public static Guid DefaultId(int index) => new($"5a1c5e00-0000-7000-8000-{index + 1:D12}");

    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.ToTable("SurveyQuestions");
        b.HasKey(q => q.Id);
        b.Property(q => q.Topic).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.TextZh).HasMaxLength(SurveyQuestion.TextMaxLength);
        b.Property(q => q.TextEn).HasMaxLength(SurveyQuestion.TextMaxLength);
        b.Property(q => q.Version).IsConcurrencyToken();
        b.HasIndex(q => q.SortOrder);
        b.HasData(Defaults.Select((d, i) => new
        {
            Id = DefaultId(i),
            d.Topic,
            d.Kind,
            TextZh = d.Zh,
            TextEn = d.En,
            SortOrder = (i + 1) * 10,
            IsActive = true,
            Revision = 1,
            Version = 0,
        }));
    }
}

internal sealed class SurveyPolicyConfiguration : IEntityTypeConfiguration<SurveyPolicy>
{
    public void Configure(EntityTypeBuilder<SurveyPolicy> b)
    {
        b.ToTable("SurveyPolicies");
        b.HasKey(p => p.Id);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasData(new { Id = SurveyPolicy.SingletonId, LowScoreAtMost = 2, LowRecommendAtMost = 6, LinkValidDays = 14, Version = 0 });
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("SurveyResponses");
        b.HasKey(r => r.Id);
        b.HasOne<Domain.Stores.Store>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.RepairOrders.RepairOrder>().WithMany().HasForeignKey(r => r.RepairOrderId).OnDelete(DeleteBehavior.Restrict);

        // One answer per order: a second submission, even a simultaneous one, breaks this index.
        b.HasIndex(r => r.RepairOrderId).IsUnique();
        b.HasIndex(r => new { r.StoreId, r.AnsweredOn });
        b.HasIndex(r => r.AnsweredOn);
        b.HasIndex(r => r.FollowUpCallId);
        b.Property(r => r.RepairOrderNumber).HasMaxLength(30);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.RecordedByName).HasMaxLength(100);
        b.Property(r => r.Comment).HasMaxLength(SurveyResponse.CommentMaxLength * 2);
        b.Property(r => r.AgentNotes).HasMaxLength(SurveyResponse.NotesMaxLength);
        b.Property(r => r.AverageScore).HasPrecision(4, 2);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Answers).HasField("answers").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(r => r.Staff).WithOne().HasForeignKey(s => s.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Staff).HasField("staff").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("SurveyAnswers");
        b.HasKey(a => a.Id);
        b.Property(a => a.Topic).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.QuestionZh).HasMaxLength(SurveyQuestion.TextMaxLength);
        b.Property(a => a.QuestionEn).HasMaxLength(SurveyQuestion.TextMaxLength);
        b.Property(a => a.Text).HasMaxLength(SurveyAnswer.TextMaxLength);
        b.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
        b.HasIndex(a => a.QuestionId);
    }
}

internal sealed class SurveyResponseStaffConfiguration : IEntityTypeConfiguration<SurveyResponseStaff>
{
    public void Configure(EntityTypeBuilder<SurveyResponseStaff> b)
    {
        b.ToTable("SurveyResponseStaff");
        b.HasKey(s => s.Id);
        b.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Name).HasMaxLength(SurveyResponseStaff.NameMaxLength);
        b.HasIndex(s => new { s.ResponseId, s.Role, s.Name }).IsUnique();
        b.HasIndex(s => new { s.Role, s.Name });
    }
}

internal sealed class StaffPraiseConfiguration : IEntityTypeConfiguration<StaffPraise>
{
    public void Configure(EntityTypeBuilder<StaffPraise> b)
    {
        b.ToTable("StaffPraise");
        b.HasKey(p => p.Id);
        b.HasOne<SurveyResponse>().WithMany().HasForeignKey(p => p.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.StaffName).HasMaxLength(SurveyResponseStaff.NameMaxLength);
        b.Property(p => p.Comment).HasMaxLength(SurveyResponse.CommentMaxLength * 2);
        b.HasIndex(p => new { p.ResponseId, p.Role, p.StaffName }).IsUnique();
        b.HasIndex(p => new { p.StoreId, p.RecordedAt });
    }
}

internal sealed class SurveyComplaintConfiguration : IEntityTypeConfiguration<SurveyComplaint>
{
    public void Configure(EntityTypeBuilder<SurveyComplaint> b)
    {
        b.ToTable("SurveyComplaints");
        b.HasKey(c => c.ResponseId);
        b.HasOne<SurveyResponse>().WithMany().HasForeignKey(c => c.ResponseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Complaints.Complaint>().WithMany().HasForeignKey(c => c.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.ComplaintId).IsUnique();
        b.Property(c => c.ComplaintNumber).HasMaxLength(30);
    }
}
