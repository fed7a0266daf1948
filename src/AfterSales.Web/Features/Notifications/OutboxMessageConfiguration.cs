using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(OutboxMessage.StatusMaxLength);
        b.Property(m => m.Recipient).HasMaxLength(OutboxMessage.RecipientMaxLength);
        b.Property(m => m.TemplateKey).HasMaxLength(50);
        b.Property(m => m.Culture).HasMaxLength(10);
        b.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        b.Property(m => m.Body).HasMaxLength(OutboxMessage.BodyMaxLength);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        b.Property(m => m.Provider).HasMaxLength(50);
        b.Property(m => m.ProviderMessageId).HasMaxLength(100);
        b.Property(m => m.ClaimedBy).HasMaxLength(OutboxMessage.ClaimMaxLength);

        // The dispatcher's due query: (Pending|Failed, NextAttemptAt <= now) or (Sending, LeaseUntil < now).
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.Status, m.LeaseUntil });

        // The message log: newest first, optionally by status, channel, recipient, customer or store.
        b.HasIndex(m => m.CreatedAt);
        b.HasIndex(m => new { m.Status, m.CreatedAt });
        b.HasIndex(m => new { m.Channel, m.CreatedAt });
        b.HasIndex(m => m.Recipient);

        // Delivery receipts name the provider's id of the message.
        b.HasIndex(m => new { m.Provider, m.ProviderMessageId });
        b.HasIndex(m => new { m.CustomerId, m.CreatedAt });
        b.HasIndex(m => new { m.StoreId, m.CreatedAt });
    }
}
