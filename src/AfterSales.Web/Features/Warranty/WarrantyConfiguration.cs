using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Returns;
using AfterSales.Domain.Stores;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Warranty;

internal sealed class WarrantyPolicyConfiguration : IEntityTypeConfiguration<WarrantyPolicy>
{
    public void Configure(EntityTypeBuilder<WarrantyPolicy> b)
    {
        b.ToTable("WarrantyPolicies");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(WarrantyPolicy.NameMaxLength);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Group).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Brand).HasMaxLength(WarrantyPolicy.ScopeMaxLength);
        b.Property(p => p.ModelKeyword).HasMaxLength(WarrantyPolicy.ScopeMaxLength);
        b.Property(p => p.Exclusions).HasMaxLength(WarrantyPolicy.ExclusionsMaxLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Specificity);

        // A proposal reads the active policies of one kind of asset.
        b.HasIndex(p => new { p.Kind, p.IsActive });
    }
}

internal sealed class ExtendedWarrantyContractConfiguration : IEntityTypeConfiguration<ExtendedWarrantyContract>
{
    public void Configure(EntityTypeBuilder<ExtendedWarrantyContract> b)
    {
        b.ToTable("ExtendedWarrantyContracts");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(ExtendedWarrantyContract.NumberMaxLength);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.Provider).HasMaxLength(ExtendedWarrantyContract.ProviderMaxLength);
        b.Property(c => c.CancelReason).HasMaxLength(ExtendedWarrantyContract.ReasonMaxLength);
        b.Property(c => c.Price).HasPrecision(12, 2);
        b.Property(c => c.CoveredGroups).HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ComponentGroup>).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<ComponentGroup>>(
                    (a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, g) => HashCode.Combine(h, g)), v => v.ToList()))
            .HasMaxLength(300);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.IsCancelled);
        b.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Asset>().WithMany().HasForeignKey(c => c.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.AssetId);
        b.HasIndex(c => new { c.StoreId, c.SoldAt });
    }
}

internal sealed class WarrantyDecisionConfiguration : IEntityTypeConfiguration<WarrantyDecision>
{
    public void Configure(EntityTypeBuilder<WarrantyDecision> b)
    {
        b.ToTable("WarrantyDecisions");
        b.HasKey(d => d.Id);
        b.Property(d => d.Group).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.Proposed).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Chosen).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.ProposedReasonCode).HasMaxLength(WarrantyDecision.ReasonCodeMaxLength);
        b.Property(d => d.ProposedReasonZh).HasMaxLength(WarrantyDecision.ReasonTextMaxLength);
        b.Property(d => d.ProposedReasonEn).HasMaxLength(WarrantyDecision.ReasonTextMaxLength);
        b.Property(d => d.Reason).HasMaxLength(WarrantyDecision.ReasonMaxLength);
        b.Property(d => d.JobKind).HasMaxLength(JobReference.KindMaxLength);
        b.Property(d => d.JobNumber).HasMaxLength(JobReference.NumberMaxLength);
        b.Property(d => d.DecidedByName).HasMaxLength(100);
        b.Ignore(d => d.IsOverride);
        b.HasOne<Store>().WithMany().HasForeignKey(d => d.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Asset>().WithMany().HasForeignKey(d => d.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.AssetId, d.DecidedAt });
        b.HasIndex(d => new { d.JobId, d.DecidedAt });
    }
}

internal sealed class WarrantyClaimConfiguration : IEntityTypeConfiguration<WarrantyClaim>
{
    public void Configure(EntityTypeBuilder<WarrantyClaim> b)
    {
        b.ToTable("WarrantyClaims");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(WarrantyClaim.NumberLength);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.Manufacturer).HasMaxLength(Asset.TextMaxLength);
        b.Property(c => c.JobKind).HasMaxLength(JobReference.KindMaxLength);
        b.Property(c => c.JobNumber).HasMaxLength(JobReference.NumberMaxLength);
        b.Property(c => c.Group).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.FailureDescription).HasMaxLength(WarrantyClaim.TextMaxLength);
        b.Property(c => c.OldPartTag).HasMaxLength(WarrantyClaim.ShortMaxLength);
        b.Property(c => c.ShipmentCarrier).HasMaxLength(WarrantyClaim.ShortMaxLength);
        b.Property(c => c.ShipmentTrackingNumber).HasMaxLength(WarrantyClaim.ShortMaxLength);
        b.Property(c => c.ManufacturerReference).HasMaxLength(WarrantyClaim.ShortMaxLength);
        b.Property(c => c.RejectionReason).HasMaxLength(WarrantyClaim.ReasonMaxLength);
        b.Property(c => c.ClaimedAmount).HasPrecision(12, 2);
        b.Property(c => c.ApprovedAmount).HasPrecision(12, 2);
        b.Property(c => c.PaidAmount).HasPrecision(12, 2);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.ComplexCollection(c => c.Lines, l =>
        {
            l.ToJson("Lines");
            l.Property(x => x.Kind).HasConversion<string>();
            l.Ignore(x => x.Amount);
        });
        b.Ignore(c => c.PermittedTriggers);
        b.Ignore(c => c.Job);
        b.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Asset>().WithMany().HasForeignKey(c => c.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.History).WithOne().HasForeignKey(h => h.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.History).HasField("_history");
        b.HasIndex(c => new { c.StoreId, c.CreatedAt });
        b.HasIndex(c => new { c.Status, c.CreatedAt });
        b.HasIndex(c => c.JobId);
    }
}

internal sealed class ClaimStatusChangeConfiguration : IEntityTypeConfiguration<ClaimStatusChange>
{
    public void Configure(EntityTypeBuilder<ClaimStatusChange> b)
    {
        b.ToTable("WarrantyClaimStatusChanges");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.UserName).HasMaxLength(100);
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Trigger).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.Reason).HasMaxLength(WarrantyClaim.ReasonMaxLength);
        b.HasIndex(h => new { h.ClaimId, h.ClaimVersion });
    }
}

/// <summary>The last number handed out per series and year ("SP-2026", "TH-2026").</summary>
public sealed class DocumentCounter : INotAudited
{
    public string Key { get; set; } = string.Empty;

    public int Value { get; set; }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> b)
    {
        b.ToTable("DocumentCounters");
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(20);
    }
}

/// <summary>
/// Gap-free numbers for claims and returns, the same way complaint numbers are taken: one atomic upsert
/// inside the caller's transaction, so the number commits or rolls back with the document.
/// </summary>
public static class DocumentNumbers
{
    public static async Task<int> NextAsync(AfterSalesDb db, string key, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A document number must be taken inside the transaction that saves the document.");
        }

        var values = await db.Database
            .SqlQuery<int>($"""INSERT INTO "DocumentCounters" ("Key", "Value") VALUES ({key}, 1) ON CONFLICT ("Key") DO UPDATE SET "Value" = "DocumentCounters"."Value" + 1 RETURNING "Value" """)
            .ToListAsync(ct);
        return values.Single();
    }
}

internal sealed class ProductSaleConfiguration : IEntityTypeConfiguration<ProductSale>
{
    public void Configure(EntityTypeBuilder<ProductSale> b)
    {
        b.ToTable("ProductSales");
        b.HasKey(s => s.Id);
        b.Property(s => s.Number).HasMaxLength(ProductSale.NumberMaxLength);
        b.HasIndex(s => new { s.StoreId, s.Number }).IsUnique();
        b.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Total).HasPrecision(12, 2);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.ComplexCollection(s => s.Items, i => i.ToJson("Items"));
        b.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.StoreId, s.CompletedAt });
        b.HasIndex(s => s.CustomerId);
    }
}

internal sealed class ReturnRequestConfiguration : IEntityTypeConfiguration<ReturnRequest>
{
    public void Configure(EntityTypeBuilder<ReturnRequest> b)
    {
        b.ToTable("ReturnRequests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Number).HasMaxLength(ReturnRequest.NumberLength);
        b.HasIndex(r => r.Number).IsUnique();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Inspection).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ShippingBorneBy).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Description).HasMaxLength(ReturnRequest.TextMaxLength);
        b.Property(r => r.InspectionNotes).HasMaxLength(ReturnRequest.TextMaxLength);
        b.Property(r => r.RefusalReason).HasMaxLength(ReturnRequest.TextMaxLength);
        b.Property(r => r.RefundAmount).HasPrecision(12, 2);
        b.Property(r => r.ShippingCost).HasPrecision(12, 2);
        b.PrimitiveCollection(r => r.Evidence);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.PermittedTriggers);
        b.HasOne<Store>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProductSale>().WithMany().HasForeignKey(r => r.SaleId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.ReturnRequestId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Steps).HasField("_steps");
        b.HasIndex(r => new { r.StoreId, r.RequestedAt });
        b.HasIndex(r => new { r.Status, r.RequestedAt });
        b.HasIndex(r => r.SaleId);
    }
}

internal sealed class ReturnStepConfiguration : IEntityTypeConfiguration<ReturnStep>
{
    public void Configure(EntityTypeBuilder<ReturnStep> b)
    {
        b.ToTable("ReturnSteps");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.UserName).HasMaxLength(100);
        b.Property(s => s.From).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.To).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Trigger).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Note).HasMaxLength(ReturnRequest.TextMaxLength);
        b.HasIndex(s => new { s.ReturnRequestId, s.RequestVersion });
    }
}

internal sealed class ReturnEscalationConfiguration : IEntityTypeConfiguration<ReturnEscalation>
{
    public void Configure(EntityTypeBuilder<ReturnEscalation> b)
    {
        b.ToTable("ReturnEscalations");
        b.HasKey(e => e.Id);
        b.Property(e => e.Target).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Reason).HasMaxLength(ReturnEscalation.ReasonMaxLength);
        b.Property(e => e.ByName).HasMaxLength(100);

        // One escalation per order, whatever the application does: the database refuses the second.
        b.HasIndex(e => e.SaleId).IsUnique();
        b.HasOne<ProductSale>().WithMany().HasForeignKey(e => e.SaleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReturnRequest>().WithMany().HasForeignKey(e => e.ReturnRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A store's return terms; a store without a row uses the defaults (15 days, 7 days no-reason online).</summary>
public sealed class StoreReturnTerms
{
    public Guid StoreId { get; set; }

    public int ClaimWindowDays { get; set; } = ReturnTerms.DefaultClaimWindowDays;

    public int NoReasonDays { get; set; } = ReturnTerms.DefaultNoReasonDays;

    public bool AcceptsChangedMindOverTheCounter { get; set; }

    public int Version { get; set; }

    public ReturnTerms ToTerms() => new(ClaimWindowDays, NoReasonDays, AcceptsChangedMindOverTheCounter);
}

internal sealed class StoreReturnTermsConfiguration : IEntityTypeConfiguration<StoreReturnTerms>
{
    public void Configure(EntityTypeBuilder<StoreReturnTerms> b)
    {
        b.ToTable("StoreReturnTerms");
        b.HasKey(t => t.StoreId);
        b.Property(t => t.StoreId).ValueGeneratedNever();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Store>().WithOne().HasForeignKey<StoreReturnTerms>(t => t.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}
