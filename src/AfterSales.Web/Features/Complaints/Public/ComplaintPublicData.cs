using System.Security.Cryptography;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Complaints.Public;

/// <summary>
/// The customer's tracking link of one complaint: 256 random bits. The token is kept as is, not hashed, because
/// every reply texted to the customer carries the link again; it opens only what the customer may see anyway.
/// </summary>
public sealed class ComplaintTrackingLink : INotAudited
{
    public const int TokenLength = 43;

    private ComplaintTrackingLink()
    {
    }

    public Guid ComplaintId { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static ComplaintTrackingLink Create(Guid complaintId, DateTimeOffset now) => new()
    {
        ComplaintId = complaintId,
        Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        CreatedAt = now,
    };

    /// <summary>Whether a string can be a token at all, so that junk is refused without a query.</summary>
    public static bool LooksValid(string? token) => token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string PathOf(string token) => $"/my/complaints/t/{token}";
}

/// <summary>A message between the customer and the complaint's handlers, shown on the tracking page and the complaint page.</summary>
public sealed class ComplaintMessage
{
    public const int BodyMaxLength = 1000;

    private ComplaintMessage()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    public bool FromCustomer { get; private set; }

    /// <summary>The staff member's name for replies (the customer sees the store, not the person); the customer's name otherwise.</summary>
    public string AuthorName { get; private set; } = string.Empty;

    public Guid? AuthorId { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    public static ComplaintMessage FromTheCustomer(Guid complaintId, string customerName, string body, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), ComplaintId = complaintId, FromCustomer = true, AuthorName = customerName, Body = body.Trim(), At = now };

    public static ComplaintMessage FromStaff(Guid complaintId, Actor by, string body, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), ComplaintId = complaintId, FromCustomer = false, AuthorId = by.UserId, AuthorName = by.UserName, Body = body.Trim(), At = now };
}

internal sealed class ComplaintTrackingLinkConfiguration : IEntityTypeConfiguration<ComplaintTrackingLink>
{
    public void Configure(EntityTypeBuilder<ComplaintTrackingLink> b)
    {
        b.ToTable("ComplaintTrackingLinks");
        b.HasKey(l => l.ComplaintId);
        b.Property(l => l.Token).HasMaxLength(ComplaintTrackingLink.TokenLength);
        b.HasIndex(l => l.Token).IsUnique();
        b.HasOne<Complaint>().WithOne().HasForeignKey<ComplaintTrackingLink>(l => l.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintMessageConfiguration : IEntityTypeConfiguration<ComplaintMessage>
{
    public void Configure(EntityTypeBuilder<ComplaintMessage> b)
    {
        b.ToTable("ComplaintMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.AuthorName).HasMaxLength(100);
        b.Property(m => m.Body).HasMaxLength(ComplaintMessage.BodyMaxLength);
        b.HasOne<Complaint>().WithMany().HasForeignKey(m => m.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ComplaintId, m.At });
    }
}
