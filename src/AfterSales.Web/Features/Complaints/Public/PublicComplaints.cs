using System.Globalization;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features.Complaints.Evidence;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints.Public;

/// <summary>
/// The customer's side of complaints. A verified phone (see PublicAccess) files complaints and lists its own; a
/// tracking token opens one complaint. The acting user is anonymous, so every query here ignores the staff store
/// filter and instead limits itself to what the phone or the token proves. Filing goes through the same
/// <see cref="ComplaintIntakeDesk"/> as staff intake: urgency rules, repeat check, assignment rules, SLA policy.
/// </summary>
public sealed class PublicComplaints(
    AfterSalesDb db,
    RequestValidation validation,
    TimeProvider clock,
    FileIntake intake,
    FileStorage storage,
    Notifications.Notifications notifications,
    ComplaintIntakeDesk desk)
{
    public async Task<CustomerComplaintOptions> OptionsAsync(string phone, CancellationToken ct)
    {
        var customers = await CustomersOfAsync(phone, ct);
        var ids = customers.Select(c => c.Id).ToList();
        var assets = await db.Assets.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.CustomerId)).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var stores = await db.Stores.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).Select(s => new StoreChoice(s.Id, s.Name)).ToListAsync(ct);
        var complaints = await MineAsync(ids, ct);
        var first = customers.FirstOrDefault();
        return new CustomerComplaintOptions(first is not null, first?.ContactPerson ?? first?.Name, first?.StoreId, assets.Select(a => new CustomerAssetOption(a.Id, a.DisplayName)).ToList(), stores, complaints);
    }

    /// <summary>Files a complaint for the verified phone; a phone nobody has yet becomes a new customer of the chosen store.</summary>
    public async Task<Outcome<FiledComplaint>> FileAsync(string phone, OnlineComplaintRequest request, string publicBaseUrl, CancellationToken ct)
    {
        var errors = (await validation.CheckAsync(request, ct)).ToList();
        var customers = await CustomersOfAsync(phone, ct);
        Customer? customer = null;
        Asset? asset = null;
        if (request.AssetId is { } assetId)
        {
            var ids = customers.Select(c => c.Id).ToList();
            asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId && ids.Contains(a.CustomerId), ct);
            if (asset is null)
            {
                errors.Add(new FieldError("complaint.asset_not_customers", nameof(request.AssetId)));
            }
            else
            {
                customer = customers.First(c => c.Id == asset.CustomerId);
            }
        }

        customer ??= customers.FirstOrDefault(c => c.StoreId == request.StoreId) ?? customers.FirstOrDefault();
        var storeId = request.StoreId ?? customer?.StoreId;
        var store = storeId is null ? null : await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId && s.IsActive, ct);
        if (store is null)
        {
            errors.Add(new FieldError("complaint.store_required", nameof(request.StoreId)));
        }

        if (customer is null && string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new FieldError("complaint.name_required", nameof(request.Name)));
        }

        if (errors.Count > 0)
        {
            return Outcome<FiledComplaint>.Invalid(errors);
        }

        // A phone nobody has yet becomes a customer of the chosen store, saved with the complaint.
        var now = clock.GetUtcNow();
        var newCustomer = customer is null
            ? Customer.Register(store!.Id, new CustomerDetails(
                CustomerKind.Person, request.Name!.Trim(), null, [new CustomerPhone(phone, PhoneLabel.Mobile, true)], null, null, null, false, null), now)
            : null;
        Customer owner = customer ?? newCustomer!;
        Store target = store!;
        var name = owner.ContactPerson ?? owner.Name;

        // The customer does not judge urgency: the intake's rules do (null = nobody judged), as for every channel.
        var intakeData = new ComplaintIntake(
            ComplaintChannel.OnlineApp, owner.Id, asset?.Id, request.RepairOrderReference, request.CoreProblem, request.CustomerExpectation, request.Category, null, null, null);
        ComplaintTrackingLink? link = null;
        var receipt = await desk.ReceiveAsync(target.Id, intakeData, new Actor(null, name), complaint =>
        {
            if (newCustomer is not null)
            {
                db.Customers.Add(newCustomer);
            }

            link = ComplaintTrackingLink.Create(complaint.Id, now);
            db.Add(link);
            notifications.Enqueue(db, new NotificationRequest(
                ComplaintNotifications.Received,
                NotificationChannel.Sms,
                phone,
                new Dictionary<string, string> { ["number"] = complaint.Number, ["link"] = Absolute(publicBaseUrl, link.Token) },
                target.Id,
                owner.Id,
                Culture: CultureInfo.CurrentUICulture.Name));
        }, ct);
        return new FiledComplaint(receipt.Complaint.Id, receipt.Complaint.Number, link!.Token, ComplaintTrackingLink.PathOf(link.Token));
    }

    public async Task<Outcome<ComplaintTrackingView>> TrackAsync(string? token, CancellationToken ct)
    {
        var complaint = await ByTokenAsync(token, ct);
        if (complaint is null)
        {
            return Outcome<ComplaintTrackingView>.NotFound();
        }

        var store = await db.Stores.AsNoTracking().Where(s => s.Id == complaint.StoreId).Select(s => new { s.Name, s.Phone }).FirstAsync(ct);
        var steps = await db.Set<ComplaintStatusChange>().AsNoTracking()
            .Where(h => h.ComplaintId == complaint.Id)
            .OrderBy(h => h.ComplaintVersion).ThenBy(h => h.At)
            .Select(h => new { h.At, h.To })
            .ToListAsync(ct);
        var timeline = new List<TrackingStep>();
        foreach (var step in steps)
        {
            // Internal moves that do not change what the customer is told (e.g. proposed → awaiting approval) show once.
            var stage = CustomerStages.Of(step.To);
            if (timeline.Count == 0 || timeline[^1].Stage != stage)
            {
                timeline.Add(new TrackingStep(step.At, stage));
            }
        }

        var messages = await db.Set<ComplaintMessage>().AsNoTracking().Where(m => m.ComplaintId == complaint.Id).OrderBy(m => m.At).ToListAsync(ct);
        var files = await GetFiles.ListOwnedAsync(db, ComplaintFileOwner.OwnerKind, complaint.Id, ct);
        var evidence = files.Where(f => f.CreatedByName == CustomerUploader).Select(f => Tracked(token!, f)).ToList();
        return new ComplaintTrackingView(
            complaint.Number,
            CustomerStages.Of(complaint.Status),
            store.Name,
            store.Phone,
            complaint.ReceivedAt,
            complaint.CoreProblem,
            complaint.CustomerExpectation,
            timeline,
            messages.Select(m => new ComplaintMessageView(m.Id, m.At, m.FromCustomer, m.FromCustomer ? m.AuthorName : store.Name, m.Body)).ToList(),
            evidence,
            complaint.Status != ComplaintStatus.Closed);
    }

    public async Task<Outcome<ComplaintMessageView>> AddMessageAsync(string? token, ComplaintMessageRequest request, CancellationToken ct)
    {
        var complaint = await ByTokenAsync(token, ct);
        if (complaint is null)
        {
            return Outcome<ComplaintMessageView>.NotFound();
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ComplaintMessageView>.Invalid(errors);
        }

        if (complaint.Status == ComplaintStatus.Closed)
        {
            return Outcome<ComplaintMessageView>.Conflict("complaint.closed_no_messages");
        }

        var name = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == complaint.CustomerId).Select(c => c.ContactPerson ?? c.Name).FirstAsync(ct);
        var message = ComplaintMessage.FromTheCustomer(complaint.Id, name, request.Body, clock.GetUtcNow());
        db.Add(message);
        await db.SaveChangesAsync(ct);
        return new ComplaintMessageView(message.Id, message.At, true, name, message.Body);
    }

    public async Task<Outcome<TrackedFile>> AddEvidenceAsync(string? token, string? fileName, Stream content, CancellationToken ct)
    {
        var complaint = await ByTokenAsync(token, ct);
        if (complaint is null)
        {
            return Outcome<TrackedFile>.NotFound();
        }

        if (complaint.Status == ComplaintStatus.Closed)
        {
            return Outcome<TrackedFile>.Conflict("complaint.evidence_closed");
        }

        var stored = await intake.AcceptAsync(new FileDraft(ComplaintFileOwner.OwnerKind, complaint.Id, complaint.StoreId, null, CustomerUploader), fileName, content, ct);
        return stored.IsOk ? Tracked(token!, stored.Value!) : stored.As<TrackedFile>();
    }

    public async Task<Outcome<FileDownload>> OpenEvidenceAsync(string? token, Guid fileId, bool thumbnail, CancellationToken ct)
    {
        var complaint = await ByTokenAsync(token, ct);
        if (complaint is null)
        {
            return Outcome<FileDownload>.NotFound();
        }

        var download = await GetFiles.OpenOwnedAsync(db, storage, ComplaintFileOwner.OwnerKind, complaint.Id, fileId, thumbnail, ct);

        // Only what the customer sent: the handlers' own photos and records stay internal.
        return download.IsOk && download.Value!.File.CreatedByName != CustomerUploader ? Outcome<FileDownload>.NotFound() : download;
    }

    /// <summary>The uploader name of files the customer sent through their tracking link.</summary>
    public const string CustomerUploader = "customer";

    internal static string Absolute(string publicBaseUrl, string token) => publicBaseUrl.TrimEnd('/') + ComplaintTrackingLink.PathOf(token);

    private static TrackedFile Tracked(string token, StoredFileView f)
    {
        var basePath = $"/api/v1/public/complaints/track/{token}/evidence/{f.Id}";
        return new TrackedFile(f.Id, f.FileName, f.ContentType, f.Kind, f.SizeBytes, f.CreatedAt, basePath + "/content", f.HasThumbnail ? basePath + "/thumbnail" : null);
    }

    private async Task<Complaint?> ByTokenAsync(string? token, CancellationToken ct)
    {
        if (!ComplaintTrackingLink.LooksValid(token))
        {
            return null;
        }

        var id = await db.Set<ComplaintTrackingLink>().Where(l => l.Token == token).Select(l => (Guid?)l.ComplaintId).FirstOrDefaultAsync(ct);
        return id is null ? null : await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    private async Task<List<Customer>> CustomersOfAsync(string phone, CancellationToken ct)
    {
        var ids = await db.SearchTerms.Where(t => t.Term == phone && t.AssetId == null).Select(t => t.CustomerId).Distinct().ToListAsync(ct);
        var customers = await db.Customers.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        return customers.Where(c => c.Phones.Any(p => p.Number == phone)).ToList();
    }

    /// <summary>The customers' complaints, newest first, each with its tracking link (made now for complaints staff recorded).</summary>
    private async Task<IReadOnlyList<MyComplaint>> MineAsync(List<Guid> customerIds, CancellationToken ct)
    {
        var complaints = await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => customerIds.Contains(c.CustomerId))
            .OrderByDescending(c => c.ReceivedAt)
            .Select(c => new { c.Id, c.Number, c.Status, c.ReceivedAt })
            .Take(20)
            .ToListAsync(ct);
        var ids = complaints.Select(c => c.Id).ToList();
        var links = await db.Set<ComplaintTrackingLink>().Where(l => ids.Contains(l.ComplaintId)).ToDictionaryAsync(l => l.ComplaintId, l => l.Token, ct);
        var added = false;
        foreach (var c in complaints.Where(c => !links.ContainsKey(c.Id)))
        {
            var link = ComplaintTrackingLink.Create(c.Id, clock.GetUtcNow());
            db.Add(link);
            links[c.Id] = link.Token;
            added = true;
        }

        if (added)
        {
            await db.SaveChangesAsync(ct);
        }

        return complaints.Select(c => new MyComplaint(c.Number, CustomerStages.Of(c.Status), c.ReceivedAt, ComplaintTrackingLink.PathOf(links[c.Id]))).ToList();
    }
}
