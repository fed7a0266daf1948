using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Customers;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Features.Imports;

/// <summary>
/// What a commit did: the import record, and when rows were refused (so nothing was stored) the first refusals; the
/// error sheet lists them all.
/// </summary>
public sealed record ComplaintImportResult(ComplaintImportSummary Import, IReadOnlyList<ImportRowError> Errors);

/// <summary>Checks a file without storing anything: columns, mapping, first rows, every row's refusals.</summary>
public sealed class PreviewComplaintImport(AfterSalesDb db, ComplaintImportPlanner planner)
{
    public const int MaxErrorsShown = 200;

    public async Task<Outcome<ComplaintImportPreview>> HandleAsync(ComplaintImportUpload upload, CancellationToken ct)
    {
        var planned = await planner.PlanAsync(upload, ct);
        if (!planned.IsOk)
        {
            return planned.As<ComplaintImportPreview>();
        }

        var plan = planned.Value!;
        var previous = await ImportComplaints.PreviousAsync(db, upload.StoreId, plan.Sha256, ct);
        var columns = plan.Mapping.ToDictionary(kv => kv.Key, kv => plan.Table.Headers.ToList().IndexOf(kv.Value));
        var refused = plan.Errors.Select(e => e.Row).ToHashSet();
        var first = Enumerable.Range(0, Math.Min(ComplaintImportPlanner.PreviewRows, plan.Table.Rows.Count))
            .Select(i => new ImportPreviewRow(i + 2, columns.ToDictionary(c => c.Key, c => plan.Table.Cell(i, c.Value)), !refused.Contains(i + 2)))
            .ToList();
        return new ComplaintImportPreview(upload.FileName, plan.Sha256, plan.Table.Headers, plan.Mapping, first, plan.Table.Rows.Count,
            plan.Rows.Count, plan.RefusedRows, plan.Errors.Take(MaxErrorsShown).ToList(), plan.UnmappedCategories, previous);
    }
}

/// <summary>
/// Imports historical complaints: every row or none, in one transaction, with the import recorded. A file already
/// imported into the store (same SHA-256) is refused. A file with a refused row stores no complaint; the attempt is
/// recorded with its refusals for the error sheet. The complaints keep their number (or take the next of the normal
/// numbering for their year), date, channel and status, and are marked historical: no SLA escalation, no assignment,
/// no message to the customer (nothing but <see cref="Complaint.ImportHistorical"/> runs for them).
/// </summary>
public sealed class ImportComplaints(AfterSalesDb db, ComplaintImportPlanner planner, ICurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<Outcome<ComplaintImportResult>> HandleAsync(ComplaintImportUpload upload, CancellationToken ct)
    {
        var planned = await planner.PlanAsync(upload, ct);
        if (!planned.IsOk)
        {
            return planned.As<ComplaintImportResult>();
        }

        var plan = planned.Value!;
        if (await PreviousAsync(db, upload.StoreId, plan.Sha256, ct) is not null)
        {
            return Outcome<ComplaintImportResult>.Conflict("import.already_imported");
        }

        var by = new Actor(user.UserId, user.UserName);
        var now = clock.GetUtcNow();
        var mapping = JsonSerializer.Serialize(plan.Mapping, Json);
        if (plan.Errors.Count > 0)
        {
            var refused = ComplaintImport.Refused(upload.StoreId, upload.FileName, plan.Sha256, mapping, plan.Table.Rows.Count, plan.RefusedRows,
                JsonSerializer.Serialize(plan.Errors, Json), by, now);
            db.Add(refused);
            await db.SaveChangesAsync(ct);
            return new ComplaintImportResult(ComplaintImportSummary.Of(refused), plan.Errors.Take(PreviewComplaintImport.MaxErrorsShown).ToList());
        }

        var record = ComplaintImport.Committed(upload.StoreId, upload.FileName, plan.Sha256, mapping, plan.Rows.Count, by, now);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Numbers of the product's own form move the counter past them first, so the normal numbering never repeats one.
            foreach (var year in plan.Rows.Where(r => r.Number is not null).Select(r => ComplaintImportPlanner.OwnNumber(r.Number!)).OfType<(int Year, int Sequence)>()
                         .GroupBy(n => n.Year))
            {
                await ComplaintNumbers.AtLeastAsync(db, year.Key, year.Max(n => n.Sequence), ct);
            }

            db.Add(record);
            var customers = new Dictionary<(string?, string?), Customer>();
            foreach (var row in plan.Rows)
            {
                var customer = CustomerFor(row, upload, customers, now);
                var number = row.Number;
                if (number is null)
                {
                    var year = TimeZoneInfo.ConvertTime(row.ReceivedAt, plan.Zone).Year;
                    number = Complaint.FormatNumber(year, await ComplaintNumbers.NextAsync(db, year, ct));
                }

                var intake = new ComplaintIntake(row.Channel, customer.Id, null, row.RepairOrderReference, row.CoreProblem, row.CustomerExpectation, row.Category, null, row.Urgency, null);
                var complaint = Complaint.ImportHistorical(number, upload.StoreId, intake, row.Status, row.ReceivedAt, by, now);
                db.Add(complaint);
                db.Add(ComplaintImportLine.For(record.Id, row.Row, complaint.Id, row.SourceCategory, row.Brand, row.Model, now));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same file committed, or a number taken, by someone else meanwhile: nothing of this one is stored.
            return Outcome<ComplaintImportResult>.Conflict("import.conflict");
        }

        return new ComplaintImportResult(ComplaintImportSummary.Of(record), []);
    }

    internal static async Task<ComplaintImportSummary?> PreviousAsync(AfterSalesDb db, Guid storeId, string sha256, CancellationToken ct)
    {
        var key = ComplaintImport.KeyOf(storeId, sha256);
        var previous = await db.Set<ComplaintImport>().AsNoTracking().FirstOrDefaultAsync(i => i.CommittedKey == key, ct);
        return previous is null ? null : ComplaintImportSummary.Of(previous);
    }

    /// <summary>Rows with the same name and phone are one customer; rows with neither share one customer named after the file.</summary>
    private Customer CustomerFor(PlannedRow row, ComplaintImportUpload upload, Dictionary<(string?, string?), Customer> customers, DateTimeOffset now)
    {
        var key = (row.CustomerName, row.CustomerPhone);
        if (customers.TryGetValue(key, out var known))
        {
            return known;
        }

        var unnamed = localizer["import.unnamed_customer", upload.FileName].Value;
        var name = row.CustomerName ?? row.CustomerPhone ?? (unnamed.Length > Customer.NameMaxLength ? unnamed[..Customer.NameMaxLength] : unnamed);
        var phones = row.CustomerPhone is { } phone ? new[] { new CustomerPhone(phone, PhoneLabel.Mobile, true) } : [];
        var customer = Customer.Register(upload.StoreId, new CustomerDetails(CustomerKind.Person, name, null, phones, null, null, null, false, null), now);
        db.Add(customer);
        customers[key] = customer;
        return customer;
    }
}

/// <summary>The imports of the user's stores, newest first.</summary>
public sealed class ListComplaintImports(AfterSalesDb db, ICurrentUser user)
{
    public const int MaxShown = 50;

    public async Task<Outcome<IReadOnlyList<ComplaintImportSummary>>> HandleAsync(CancellationToken ct)
    {
        if (!ComplaintImportPlanner.MayImport(user))
        {
            return Outcome<IReadOnlyList<ComplaintImportSummary>>.Forbidden("import.forbidden");
        }

        var rows = await db.Set<ComplaintImport>().AsNoTracking().OrderByDescending(i => i.At).Take(MaxShown).ToListAsync(ct);
        return rows.Select(ComplaintImportSummary.Of).ToList();
    }
}
