using AfterSales.Domain.Common;

namespace AfterSales.Domain.Complaints;

/// <summary>Corrective (纠正措施) removes the cause found in this case; preventive (预防措施) keeps it from happening elsewhere.</summary>
public enum CapaKind
{
    Corrective,
    Preventive,
}

public enum CapaStatus
{
    Open,
    Done,
    VerifiedEffective,
    NotEffective,
}

/// <summary>
/// How an action's effectiveness is judged at its check date. The counted measures count the complaints received
/// between the action being done and the check date that repeat what this one was about; <see cref="Manual"/> is a
/// measure in words that a reviewer judges.
/// </summary>
public enum CapaMeasure
{
    RepeatsOfCategoryAtStore,
    RepeatsOfCategoryInGroup,
    RepeatsOnAsset,
    RepeatsForTechnician,
    Manual,
}

/// <summary>A corrective or preventive action as the handler enters it; dates are the store's calendar days.</summary>
public sealed record CapaInput(
    CapaKind Kind,
    string Description,
    Guid OwnerId,
    string OwnerName,
    DateOnly DueDate,
    DateOnly CheckDate,
    CapaMeasure Measure,
    int MaxRepeats,
    string? MeasureNote);

/// <summary>Which complaints count as repeats for a counted measure; null members do not narrow the count.</summary>
public sealed record CapaRepeatScope(Guid? StoreId, ComplaintCategory? Category, Guid? AssetId, Guid? TechnicianId);

/// <summary>
/// CAPA after the root-cause analysis (DOMAIN.md step 4): added while the complaint is open, carried out and checked
/// for effectiveness often long after it is closed, so each action is changed on its own (its own version).
/// </summary>
public sealed partial class Complaint
{
    public const int MaxCapas = 20;
    public const string PreventiveActionRequired = "complaint.preventive_action_required";

    private readonly List<CapaAction> _capas = [];

    /// <summary>The corrective and preventive actions of every round.</summary>
    public IReadOnlyList<CapaAction> Capas => _capas;

    /// <summary>Adds a corrective or preventive action once the analysis is recorded; <paramref name="today"/> is the store's date.</summary>
    public FieldError? AddCapa(CapaInput input, Actor by, DateTimeOffset now, DateOnly today)
    {
        if (IsClosed)
        {
            return new FieldError(ComplaintLifecycle.ClosedReadOnly);
        }

        if (AnalysedAt is null)
        {
            return new FieldError(AnalysisRequired);
        }

        if (_capas.Count >= MaxCapas)
        {
            return new FieldError(CapaAction.TooMany);
        }

        if (input.DueDate < today)
        {
            return new FieldError(CapaAction.DueInPast, nameof(CapaInput.DueDate));
        }

        if (input.CheckDate < input.DueDate)
        {
            return new FieldError(CapaAction.CheckBeforeDue, nameof(CapaInput.CheckDate));
        }

        if (input.Measure == CapaMeasure.RepeatsOnAsset && AssetId is null)
        {
            return new FieldError(CapaAction.MeasureNeedsAsset, nameof(CapaInput.Measure));
        }

        if (input.Measure == CapaMeasure.RepeatsForTechnician && TechnicianId is null)
        {
            return new FieldError(CapaAction.MeasureNeedsTechnician, nameof(CapaInput.Measure));
        }

        if (input.Measure == CapaMeasure.Manual && string.IsNullOrWhiteSpace(input.MeasureNote))
        {
            return new FieldError(CapaAction.MeasureNoteRequired, nameof(CapaInput.MeasureNote));
        }

        _capas.Add(CapaAction.Plan(this, input, by, now));
        return null;
    }

    /// <summary>A systemic cause is not dealt with by fixing this one case: closing needs at least one preventive action.</summary>
    private FieldError? CheckPrevention() =>
        IsSystemic == true && !_capas.Any(c => c.Kind == CapaKind.Preventive) ? new FieldError(PreventiveActionRequired) : null;
}

/// <summary>One corrective or preventive action with its owner, due date and effectiveness check.</summary>
public sealed class CapaAction
{
    public const int DescriptionMaxLength = 500;
    public const int MeasureNoteMaxLength = 300;
    public const int MaxRepeatsLimit = 100;

    /// <summary>How many of the counted repeats' numbers the result keeps (the count itself is always exact).</summary>
    public const int ListedRepeats = 10;

    public const string TooMany = "capa.too_many";
    public const string DueInPast = "capa.due_in_past";
    public const string CheckBeforeDue = "capa.check_before_due";
    public const string MeasureNeedsAsset = "capa.measure_needs_asset";
    public const string MeasureNeedsTechnician = "capa.measure_needs_technician";
    public const string MeasureNoteRequired = "capa.measure_note_required";
    public const string AlreadyDone = "capa.already_done";
    public const string NotDone = "capa.not_done";
    public const string CheckNotDue = "capa.check_not_due";
    public const string CheckedAutomatically = "capa.checked_automatically";
    public const string SelfVerification = "capa.self_verification";

    private CapaAction()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    /// <summary>The complaint's store: whose staff see the action and whose board lists it while open.</summary>
    public Guid StoreId { get; private set; }

    public int Round { get; private set; }

    public CapaKind Kind { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public Guid OwnerId { get; private set; }

    public string OwnerName { get; private set; } = string.Empty;

    public DateOnly DueDate { get; private set; }

    public DateOnly CheckDate { get; private set; }

    public CapaMeasure Measure { get; private set; }

    /// <summary>For a counted measure, the most repeats that still count as effective (0: no repeat at all).</summary>
    public int MaxRepeats { get; private set; }

    public string? MeasureNote { get; private set; }

    /// <summary>What the counted measure counts, fixed when the action is added so that a later reclassification does not move the goalposts.</summary>
    public Guid? ScopeStoreId { get; private set; }

    public ComplaintCategory? ScopeCategory { get; private set; }

    public Guid? ScopeAssetId { get; private set; }

    public Guid? ScopeTechnicianId { get; private set; }

    public CapaStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? DoneAt { get; private set; }

    public Guid? DoneById { get; private set; }

    public string? DoneBy { get; private set; }

    public string? DoneNote { get; private set; }

    public DateTimeOffset? CheckedAt { get; private set; }

    /// <summary>Who judged the effectiveness; null when the counted measure was checked by the system.</summary>
    public string? CheckedBy { get; private set; }

    /// <summary>The counted period: from the action being done to the start of its check date.</summary>
    public DateTimeOffset? CheckedFrom { get; private set; }

    public DateTimeOffset? CheckedUntil { get; private set; }

    public int? RepeatCount { get; private set; }

    /// <summary>The numbers of the repeats counted (the first <see cref="ListedRepeats"/>).</summary>
    public string[] RepeatNumbers { get; private set; } = [];

    public string? CheckNote { get; private set; }

    public int Version { get; private set; }

    public bool IsCounted => Measure != CapaMeasure.Manual;

    public bool IsOverdue(DateOnly today) => Status == CapaStatus.Open && DueDate < today;

    /// <summary>Due for its automatic check: a counted measure, done, not yet checked, and its check date reached.</summary>
    public bool IsCheckDue(DateOnly today) => IsCounted && Status == CapaStatus.Done && CheckedAt is null && today >= CheckDate;

    public CapaRepeatScope RepeatScope => new(ScopeStoreId, ScopeCategory, ScopeAssetId, ScopeTechnicianId);

    internal static CapaAction Plan(Complaint complaint, CapaInput input, Actor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ComplaintId = complaint.Id,
        StoreId = complaint.StoreId,
        Round = complaint.Round,
        Kind = input.Kind,
        Description = input.Description.Trim(),
        OwnerId = input.OwnerId,
        OwnerName = input.OwnerName,
        DueDate = input.DueDate,
        CheckDate = input.CheckDate,
        Measure = input.Measure,
        MaxRepeats = input.Measure == CapaMeasure.Manual ? 0 : Math.Max(0, input.MaxRepeats),
        MeasureNote = string.IsNullOrWhiteSpace(input.MeasureNote) ? null : input.MeasureNote.Trim(),
        ScopeStoreId = input.Measure is CapaMeasure.RepeatsOfCategoryAtStore ? complaint.StoreId : null,
        ScopeCategory = input.Measure is CapaMeasure.RepeatsOfCategoryAtStore or CapaMeasure.RepeatsOfCategoryInGroup ? complaint.Category : null,
        ScopeAssetId = input.Measure == CapaMeasure.RepeatsOnAsset ? complaint.AssetId : null,
        ScopeTechnicianId = input.Measure == CapaMeasure.RepeatsForTechnician ? complaint.TechnicianId : null,
        Status = CapaStatus.Open,
        CreatedAt = now,
        CreatedBy = by.UserName,
    };

    public FieldError? MarkDone(Actor by, string? note, DateTimeOffset now)
    {
        if (Status != CapaStatus.Open)
        {
            return new FieldError(AlreadyDone);
        }

        Status = CapaStatus.Done;
        DoneAt = now;
        DoneById = by.UserId;
        DoneBy = by.UserName;
        DoneNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return null;
    }

    /// <summary>
    /// The automatic check of a counted measure: <paramref name="repeats"/> are the numbers of the complaints in
    /// <see cref="RepeatScope"/> received from <paramref name="from"/> until <paramref name="until"/>. Checks once:
    /// false when it is not due (not done, already checked, a manual measure or before its date).
    /// </summary>
    public bool RecordCount(IReadOnlyList<string> repeats, DateTimeOffset from, DateTimeOffset until, DateOnly today, DateTimeOffset now)
    {
        if (!IsCheckDue(today))
        {
            return false;
        }

        RepeatCount = repeats.Count;
        RepeatNumbers = repeats.Take(ListedRepeats).ToArray();
        CheckedFrom = from;
        CheckedUntil = until;
        CheckedAt = now;
        Status = repeats.Count <= MaxRepeats ? CapaStatus.VerifiedEffective : CapaStatus.NotEffective;
        return true;
    }

    /// <summary>A reviewer judges a manual measure on or after its check date; not the person who carried the action out.</summary>
    public FieldError? RecordJudgement(bool effective, string note, Actor by, DateOnly today, DateTimeOffset now)
    {
        if (IsCounted)
        {
            return new FieldError(CheckedAutomatically);
        }

        if (Status != CapaStatus.Done)
        {
            return new FieldError(Status == CapaStatus.Open ? NotDone : AlreadyDone);
        }

        if (today < CheckDate)
        {
            return new FieldError(CheckNotDue);
        }

        if (FourEyes.Refuse(by.UserId, DoneById, SelfVerification) is { } samePerson)
        {
            return samePerson;
        }

        CheckedAt = now;
        CheckedBy = by.UserName;
        CheckNote = note.Trim();
        Status = effective ? CapaStatus.VerifiedEffective : CapaStatus.NotEffective;
        return null;
    }
}
