using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Files;

namespace AfterSales.Web.Features.Complaints.Public;

/// <summary>Where a complaint stands, as the customer is told: fewer, plainer steps than the handlers' statuses.</summary>
public enum CustomerStage
{
    Received,
    InProgress,
    PreparingSolution,
    WaitingForYou,
    Resolved,
    Closed,
}

public sealed record OnlineComplaintRequest(
    string CoreProblem,
    string CustomerExpectation,
    ComplaintCategory Category = ComplaintCategory.Other,
    Guid? AssetId = null,
    Guid? StoreId = null,
    string? Name = null,
    string? RepairOrderReference = null);

public sealed record FiledComplaint(Guid Id, string Number, string TrackingToken, string TrackingPath);

/// <summary>What the form offers a verified phone: the customer's name and assets if known, the stores, their complaints.</summary>
public sealed record CustomerComplaintOptions(
    bool IsKnownCustomer,
    string? CustomerName,
    Guid? HomeStoreId,
    IReadOnlyList<CustomerAssetOption> Assets,
    IReadOnlyList<StoreChoice> Stores,
    IReadOnlyList<MyComplaint> Complaints);

public sealed record CustomerAssetOption(Guid Id, string Name);

public sealed record StoreChoice(Guid Id, string Name);

public sealed record MyComplaint(string Number, CustomerStage Stage, DateTimeOffset ReceivedAt, string TrackingPath);

public sealed record TrackingStep(DateTimeOffset At, CustomerStage Stage);

public sealed record ComplaintMessageView(Guid Id, DateTimeOffset At, bool FromCustomer, string AuthorName, string Body);

/// <summary>A file the customer sent, with addresses under their tracking link.</summary>
public sealed record TrackedFile(
    Guid Id,
    string FileName,
    string ContentType,
    StoredFileKind Kind,
    long SizeBytes,
    DateTimeOffset CreatedAt,
    string ContentUrl,
    string? ThumbnailUrl) : IFileLink;

/// <summary>The tracking page: nothing internal (no handler names, notes, urgency or analysis), only what the customer may see.</summary>
public sealed record ComplaintTrackingView(
    string Number,
    CustomerStage Stage,
    string StoreName,
    string? StorePhone,
    DateTimeOffset ReceivedAt,
    string CoreProblem,
    string CustomerExpectation,
    IReadOnlyList<TrackingStep> Timeline,
    IReadOnlyList<ComplaintMessageView> Messages,
    IReadOnlyList<TrackedFile> Evidence,
    bool IsOpen);

public static class CustomerStages
{
    public static CustomerStage Of(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => CustomerStage.Received,
        ComplaintStatus.Acknowledged or ComplaintStatus.InInvestigation or ComplaintStatus.Reopened => CustomerStage.InProgress,
        ComplaintStatus.ResolutionProposed or ComplaintStatus.AwaitingApproval => CustomerStage.PreparingSolution,
        ComplaintStatus.AwaitingCustomer => CustomerStage.WaitingForYou,
        ComplaintStatus.Resolved => CustomerStage.Resolved,
        ComplaintStatus.Closed => CustomerStage.Closed,
    };
}
