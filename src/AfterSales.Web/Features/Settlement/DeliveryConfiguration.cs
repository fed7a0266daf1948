using AfterSales.Domain.Delivery;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Settlement;

internal sealed class OrderDeliveryConfiguration : IEntityTypeConfiguration<OrderDelivery>
{
    public void Configure(EntityTypeBuilder<OrderDelivery> b)
    {
        b.ToTable("OrderDeliveries");
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.RepairOrderId).IsUnique();
        b.HasIndex(d => new { d.StoreId, d.InvoiceNumber }).IsUnique();
        b.HasIndex(d => d.GatePassCode).IsUnique();
        b.Property(d => d.ParkingSpot).HasMaxLength(OrderDelivery.ParkingSpotMaxLength);
        b.Property(d => d.HandedOverByName).HasMaxLength(100);
        b.Property(d => d.DiscountPercent).HasPrecision(5, 2);
        b.Property(d => d.DiscountReason).HasMaxLength(OrderDelivery.ReasonMaxLength);
        b.Property(d => d.DiscountByName).HasMaxLength(100);
        b.Property(d => d.EstimateTotal).HasPrecision(14, 2);
        b.Property(d => d.ApprovedTotal).HasPrecision(14, 2);
        b.Property(d => d.ApprovedBySigner).HasMaxLength(OrderDelivery.NameMaxLength);
        b.Property(d => d.InvoiceNumber).HasMaxLength(OrderDelivery.InvoiceNumberLength);
        b.Property(d => d.OnAccount).HasPrecision(14, 2);
        b.Property(d => d.InvoiceKind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.InvoiceBuyerName).HasMaxLength(InvoiceDetails.BuyerNameMaxLength);
        b.Property(d => d.InvoiceTaxId).HasMaxLength(20);
        b.Property(d => d.InvoiceEmail).HasMaxLength(InvoiceDetails.EmailMaxLength);
        b.Property(d => d.InvoiceAddressPhone).HasMaxLength(InvoiceDetails.AddressPhoneMaxLength);
        b.Property(d => d.InvoiceBankAccount).HasMaxLength(InvoiceDetails.BankAccountMaxLength);
        b.Property(d => d.InvoiceDetailsByName).HasMaxLength(100);
        b.Ignore(d => d.Invoice);
        b.Property(d => d.AcknowledgedBySigner).HasMaxLength(OrderDelivery.NameMaxLength);
        b.Property(d => d.GatePassCode).HasMaxLength(OrderDelivery.GatePassCodeLength);
        b.Property(d => d.GatePassUsedByName).HasMaxLength(100);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.IsSettled);
        b.Ignore(d => d.Paid);
        b.HasMany(d => d.Payments).WithOne().HasForeignKey(p => p.OrderDeliveryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Payments).HasField("_payments").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<RepairOrder>().WithOne().HasForeignKey<OrderDelivery>(d => d.RepairOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Store>().WithMany().HasForeignKey(d => d.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SettlementPaymentConfiguration : IEntityTypeConfiguration<SettlementPayment>
{
    public void Configure(EntityTypeBuilder<SettlementPayment> b)
    {
        b.ToTable("SettlementPayments");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Amount).HasPrecision(14, 2);
        b.Property(p => p.Tendered).HasPrecision(14, 2);
        b.Property(p => p.Change).HasPrecision(14, 2);
        b.Property(p => p.Reference).HasMaxLength(SettlementPayment.ReferenceMaxLength);
        b.Property(p => p.RecordedByName).HasMaxLength(100);
    }
}

/// <summary>The customer's progress link of one repair order: 256 random bits, like a complaint's tracking link.</summary>
public sealed class RepairOrderProgressLink : INotAudited
{
    public const int TokenLength = 43;

    private RepairOrderProgressLink()
    {
    }

    public Guid RepairOrderId { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static RepairOrderProgressLink Create(Guid orderId, DateTimeOffset now) => new()
    {
        RepairOrderId = orderId,
        Token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        CreatedAt = now,
    };

    public static bool LooksValid(string? token) => token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string PathOf(string token) => $"/my/repairs/{token}";
}

internal sealed class RepairOrderProgressLinkConfiguration : IEntityTypeConfiguration<RepairOrderProgressLink>
{
    public void Configure(EntityTypeBuilder<RepairOrderProgressLink> b)
    {
        b.ToTable("RepairOrderProgressLinks");
        b.HasKey(l => l.RepairOrderId);
        b.Property(l => l.RepairOrderId).ValueGeneratedNever();
        b.Property(l => l.Token).HasMaxLength(RepairOrderProgressLink.TokenLength);
        b.HasIndex(l => l.Token).IsUnique();
        b.HasOne<RepairOrder>().WithOne().HasForeignKey<RepairOrderProgressLink>(l => l.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
