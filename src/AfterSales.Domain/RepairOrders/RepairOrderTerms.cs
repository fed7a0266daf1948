using AfterSales.Domain.Service;
using AfterSales.Domain.ThreeGuarantees;

namespace AfterSales.Domain.RepairOrders;

/// <summary>How the customer means to pay at settlement. Stored by name.</summary>
public enum PaymentMethod
{
    Cash,
    Card,
    WeChatPay,
    Alipay,
    Transfer,
    Account,
}

/// <summary>What happens to replaced parts (旧件). Stored by name.</summary>
public enum OldPartsHandling
{
    CustomerTakes,
    StoreDisposes,
}

/// <summary>How a signature reached the order. Stored by name.</summary>
public enum SignatureChannel
{
    InPerson,
    RemoteLink,
}

/// <summary>
/// One part line of a job: what the parts catalogue said at the time, with the quantity. <see cref="MainComponentOf"/>
/// marks the part as a main component of that system (for the 三包 count of replaced components), <see cref="WholeAssembly"/>
/// as the whole assembly (总成) rather than a part of it.
/// </summary>
public sealed record PartLineInput(Guid? PartId, string PartNumber, string Name, decimal Quantity, decimal UnitPrice, FaultSystem? MainComponentOf = null, bool WholeAssembly = false);

/// <summary>One job as the editor sends it; <see cref="Id"/> names an existing job to keep (its workshop history stays with it).</summary>
public sealed record JobInput(
    Guid? Id,
    Guid? LabourOperationId,
    string OperationCode,
    string NameZh,
    string NameEn,
    WorkshopSkill Skill,
    decimal Hours,
    PayType PayType,
    string? Note,
    IReadOnlyList<PartLineInput> Parts,
    JobFault? Fault = null);

/// <summary>Everything on the order that the customer signs, apart from the check-in.</summary>
public sealed record RepairOrderContent(
    string CustomerWords,
    IReadOnlyList<JobInput> Jobs,
    decimal DiscountPercent,
    string? DiscountReason,
    DateTimeOffset? PromisedAt,
    PaymentMethod PaymentMethod,
    OldPartsHandling OldParts,
    bool FreeWash,
    decimal? ExtraWorkPreApprovedLimit);
