using AfterSales.Domain.Service;

namespace AfterSales.Domain.Quality;

/// <summary>One point of a checklist; a safety item (安全项目) must pass before the work counts as done.</summary>
public sealed record ChecklistItem(string TextZh, string TextEn, bool Safety);

/// <summary>What the editor of a checklist enters. An empty operation code makes it the checklist of the whole trade.</summary>
public sealed record ChecklistDetails(WorkshopSkill Skill, string? OperationCode, string NameZh, string NameEn, bool RoadTestRequired, IReadOnlyList<ChecklistItem> Items);

/// <summary>The checklist a job is checked against: a stored one, or the general one when the trade has none.</summary>
public sealed record AppliedChecklist(Guid? ChecklistId, string NameZh, string NameEn, bool RoadTestRequired, IReadOnlyList<ChecklistItem> Items);

/// <summary>
/// A quality checklist (质检单) for a job type: the points the technician's self-check (自检), the team lead's check
/// (互检) and QC's final inspection (终检) go through, with the safety items marked. It applies to one labour
/// operation by its code, or to every operation of a trade; the operation's own checklist wins.
/// </summary>
public sealed class QualityChecklist
{
    public const int NameMaxLength = 100;
    public const int ItemTextMaxLength = 200;
    public const int MaxItems = 40;
    public const int CodeMaxLength = 20;

    private readonly List<ChecklistItem> _items = [];

    private QualityChecklist()
    {
    }

    public Guid Id { get; private set; }

    public WorkshopSkill Skill { get; private set; }

    /// <summary>The labour operation this checklist is for; empty for the whole trade.</summary>
    public string OperationCode { get; private set; } = string.Empty;

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    /// <summary>Whether a vehicle with this work needs a road test (路试) at final inspection.</summary>
    public bool RoadTestRequired { get; private set; }

    public bool IsActive { get; private set; } = true;

    public int Version { get; private set; }

    public IReadOnlyList<ChecklistItem> Items => _items;

    public static QualityChecklist Create(ChecklistDetails details, DateTimeOffset now)
    {
        var checklist = new QualityChecklist { Id = Guid.CreateVersion7(now) };
        checklist.Update(details);
        return checklist;
    }

    public static string NormalizeCode(string? code) => string.IsNullOrWhiteSpace(code) ? string.Empty : code.Trim().ToUpperInvariant();

    public void Update(ChecklistDetails details)
    {
        Skill = details.Skill;
        OperationCode = NormalizeCode(details.OperationCode);
        NameZh = details.NameZh.Trim();
        NameEn = details.NameEn.Trim();
        RoadTestRequired = details.RoadTestRequired;
        _items.Clear();
        _items.AddRange(details.Items.Select(i => new ChecklistItem(i.TextZh.Trim(), i.TextEn.Trim(), i.Safety)));
    }

    public void Retire() => IsActive = false;

    public void Reinstate() => IsActive = true;

    public AppliedChecklist Apply() => new(Id, NameZh, NameEn, RoadTestRequired, _items.ToList());

    /// <summary>The checklist for a job: the active one of its operation, else the active one of its trade, else the general one.</summary>
    public static AppliedChecklist For(IEnumerable<QualityChecklist> checklists, WorkshopSkill skill, string operationCode)
    {
        var code = NormalizeCode(operationCode);
        var active = checklists.Where(c => c.IsActive && c.Skill == skill).ToList();
        var chosen = active.FirstOrDefault(c => c.OperationCode.Length > 0 && c.OperationCode == code)
            ?? active.FirstOrDefault(c => c.OperationCode.Length == 0);
        return chosen?.Apply() ?? General;
    }

    /// <summary>What every job is checked for when its trade has no checklist of its own.</summary>
    public static AppliedChecklist General { get; } = new(
        null,
        "通用检验",
        "General check",
        false,
        [
            new ChecklistItem("委托书所列作业已全部完成", "All work on the repair order is done", false),
            new ChecklistItem("紧固件已按规定力矩紧固", "Fasteners tightened to the specified torque", true),
            new ChecklistItem("客户反映的故障已消除", "The fault the customer reported is gone", false),
            new ChecklistItem("工位清洁,无工具及旧件遗留", "Work area clean, no tools or old parts left behind", false),
        ]);
}
