using AfterSales.Domain.Parts;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Parts;

internal static class Quantities
{
    public static PropertyBuilder<decimal> IsQuantity(this PropertyBuilder<decimal> p) => p.HasPrecision(12, 3);

    public static PropertyBuilder<decimal?> IsQuantity(this PropertyBuilder<decimal?> p) => p.HasPrecision(12, 3);

    public static PropertyBuilder<decimal> IsMoney(this PropertyBuilder<decimal> p) => p.HasPrecision(12, 2);
}

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> b)
    {
        b.ToTable("StockItems");
        b.HasKey(s => s.Id);
        b.Property(s => s.Bin).HasMaxLength(StockItem.BinMaxLength);
        b.Property(s => s.OnHand).IsQuantity();
        b.Property(s => s.Reserved).IsQuantity();
        b.Property(s => s.MinQuantity).IsQuantity();
        b.Property(s => s.MaxQuantity).IsQuantity();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Available);
        b.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Part>().WithMany().HasForeignKey(s => s.PartId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.StoreId, s.PartId }).IsUnique();
        b.HasIndex(s => new { s.StoreId, s.Bin });
        b.HasIndex(s => new { s.StoreId, s.LastMovementAt });
        b.HasIndex(s => s.PartId);
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.ToTable("StockMovements");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Quantity).IsQuantity();
        b.Property(m => m.BalanceAfter).IsQuantity();
        b.Property(m => m.UnitCost).IsMoney();
        b.Property(m => m.ReferenceKind).HasMaxLength(StockReference.KindMaxLength);
        b.Property(m => m.ReferenceNumber).HasMaxLength(StockReference.NumberMaxLength);
        b.Property(m => m.Note).HasMaxLength(StockMovement.NoteMaxLength);
        b.Property(m => m.UserName).HasMaxLength(100);
        b.HasOne<StockItem>().WithMany().HasForeignKey(m => m.StockItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.StockItemId, m.At });
        b.HasIndex(m => new { m.StoreId, m.PartId, m.Kind, m.At });
        b.HasIndex(m => new { m.ReferenceKind, m.ReferenceId });
    }
}

internal sealed class PartReservationConfiguration : IEntityTypeConfiguration<PartReservation>
{
    public void Configure(EntityTypeBuilder<PartReservation> b)
    {
        b.ToTable("PartReservations");
        b.HasKey(r => r.Id);
        b.Property(r => r.Quantity).IsQuantity();
        b.Property(r => r.Outstanding).IsQuantity();
        b.Property(r => r.ReferenceKind).HasMaxLength(StockReference.KindMaxLength);
        b.Property(r => r.ReferenceNumber).HasMaxLength(StockReference.NumberMaxLength);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.CreatedBy).HasMaxLength(100);
        b.Property(r => r.EndReason).HasMaxLength(PartReservation.ReasonMaxLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<StockItem>().WithMany().HasForeignKey(r => r.StockItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.Status, r.ExpiresAt });
        b.HasIndex(r => new { r.StoreId, r.NeededOn, r.Status });
        b.HasIndex(r => new { r.ReferenceKind, r.ReferenceId });
        b.HasIndex(r => r.StockItemId);
    }
}

internal sealed class PartIssueConfiguration : IEntityTypeConfiguration<PartIssue>
{
    public void Configure(EntityTypeBuilder<PartIssue> b)
    {
        b.ToTable("PartIssues");
        b.HasKey(i => i.Id);
        b.Property(i => i.ReferenceKind).HasMaxLength(StockReference.KindMaxLength);
        b.Property(i => i.ReferenceNumber).HasMaxLength(StockReference.NumberMaxLength);
        b.Property(i => i.Quantity).IsQuantity();
        b.Property(i => i.ReturnedQuantity).IsQuantity();
        b.Property(i => i.UnitCost).IsMoney();
        b.Property(i => i.UnitPrice).IsMoney();
        b.Property(i => i.IssuedBy).HasMaxLength(100);
        b.Property(i => i.ReceivedBy).HasMaxLength(100);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Ignore(i => i.NetQuantity);
        b.HasOne<StockItem>().WithMany().HasForeignKey(i => i.StockItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.ReferenceKind, i.ReferenceId });
        b.HasIndex(i => new { i.StoreId, i.IssuedAt });
        b.HasIndex(i => i.StockItemId);
    }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.ToTable("Suppliers");
        b.HasKey(s => s.Id);
        b.Property(s => s.Code).HasMaxLength(Supplier.CodeMaxLength);
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Name).HasMaxLength(Supplier.NameMaxLength);
        b.Property(s => s.ContactPerson).HasMaxLength(Supplier.ContactMaxLength);
        b.Property(s => s.Phone).HasMaxLength(20);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> b)
    {
        b.ToTable("PurchaseOrders");
        b.HasKey(o => o.Id);
        b.Property(o => o.Number).HasMaxLength(StockReference.NumberMaxLength);
        b.HasIndex(o => o.Number).IsUnique();
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.OrderedBy).HasMaxLength(100);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.Total);
        b.HasOne<Store>().WithMany().HasForeignKey(o => o.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Supplier>().WithMany().HasForeignKey(o => o.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.PurchaseOrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Lines).HasField("_lines");
        b.HasIndex(o => new { o.StoreId, o.Status, o.OrderedAt });
    }
}

internal sealed class PurchaseOrderLineConfiguration : IEntityTypeConfiguration<PurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderLine> b)
    {
        b.ToTable("PurchaseOrderLines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Ordered).IsQuantity();
        b.Property(l => l.Received).IsQuantity();
        b.Property(l => l.UnitCost).IsMoney();
        b.Ignore(l => l.Outstanding);
        b.HasOne<Part>().WithMany().HasForeignKey(l => l.PartId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => l.PartId);
    }
}

internal sealed class StockTransferConfiguration : IEntityTypeConfiguration<StockTransfer>
{
    public void Configure(EntityTypeBuilder<StockTransfer> b)
    {
        b.ToTable("StockTransfers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Number).HasMaxLength(StockReference.NumberMaxLength);
        b.HasIndex(t => t.Number).IsUnique();
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.SentBy).HasMaxLength(100);
        b.Property(t => t.ReceivedBy).HasMaxLength(100);
        b.Property(t => t.Note).HasMaxLength(StockTransfer.NoteMaxLength);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.HasDiscrepancy);
        b.HasOne<Store>().WithMany().HasForeignKey(t => t.FromStoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Store>().WithMany().HasForeignKey(t => t.ToStoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Lines).WithOne().HasForeignKey(l => l.TransferId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(t => t.Lines).HasField("_lines");
        b.HasIndex(t => new { t.FromStoreId, t.SentAt });
        b.HasIndex(t => new { t.ToStoreId, t.Status });
    }
}

internal sealed class StockTransferLineConfiguration : IEntityTypeConfiguration<StockTransferLine>
{
    public void Configure(EntityTypeBuilder<StockTransferLine> b)
    {
        b.ToTable("StockTransferLines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Sent).IsQuantity();
        b.Property(l => l.Received).IsQuantity();
        b.Property(l => l.UnitCost).IsMoney();
        b.Property(l => l.DiscrepancyNote).HasMaxLength(StockTransfer.NoteMaxLength);
        b.Ignore(l => l.Discrepancy);
        b.HasOne<Part>().WithMany().HasForeignKey(l => l.PartId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CountSheetConfiguration : IEntityTypeConfiguration<CountSheet>
{
    public void Configure(EntityTypeBuilder<CountSheet> b)
    {
        b.ToTable("CountSheets");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(StockReference.NumberMaxLength);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.BinPrefix).HasMaxLength(StockItem.BinMaxLength);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.StartedBy).HasMaxLength(100);
        b.Property(c => c.SubmittedBy).HasMaxLength(100);
        b.Property(c => c.ApprovedBy).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.VarianceValue);
        b.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CountSheetId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Lines).HasField("_lines");
        b.HasIndex(c => new { c.StoreId, c.Status, c.StartedAt });
    }
}

internal sealed class CountLineConfiguration : IEntityTypeConfiguration<CountLine>
{
    public void Configure(EntityTypeBuilder<CountLine> b)
    {
        b.ToTable("CountLines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Bin).HasMaxLength(StockItem.BinMaxLength);
        b.Property(l => l.Expected).IsQuantity();
        b.Property(l => l.Counted).IsQuantity();
        b.Property(l => l.UnitCost).IsMoney();
        b.Ignore(l => l.Variance);
        b.HasOne<StockItem>().WithMany().HasForeignKey(l => l.StockItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The last number of a kind handed out on a day ("PO-20261123" → 7), for human numbers without duplicates.</summary>
public sealed class PartsCounter : INotAudited
{
    public string Key { get; set; } = string.Empty;

    public int Value { get; set; }
}

internal sealed class PartsCounterConfiguration : IEntityTypeConfiguration<PartsCounter>
{
    public void Configure(EntityTypeBuilder<PartsCounter> b)
    {
        b.ToTable("PartsCounters");
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(20);
    }
}
