using AfterSales.Domain.Complaints;
using AfterSales.Domain.Knowledge;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Knowledge;

/// <summary>One search key of an article (see <see cref="KnowledgeText"/>); rebuilt with the article in the same save.</summary>
public sealed class KnowledgeKey : INotAudited
{
    public Guid ArticleId { get; set; }

    public string Key { get; set; } = string.Empty;
}

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> b)
    {
        b.ToTable("KnowledgeArticles");
        b.HasKey(a => a.Id);
        b.Property(a => a.Title).HasMaxLength(KnowledgeArticle.TitleMaxLength);
        b.Property(a => a.Problem).HasMaxLength(KnowledgeArticle.TextMaxLength);
        b.Property(a => a.Cause).HasMaxLength(KnowledgeArticle.TextMaxLength);
        b.Property(a => a.Resolution).HasMaxLength(KnowledgeArticle.TextMaxLength);
        b.PrimitiveCollection(a => a.Tags);
        b.Property(a => a.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.SourceComplaintNumber).HasMaxLength(Complaint.NumberMaxLength);
        b.Property(a => a.CreatedBy).HasMaxLength(100);
        b.Property(a => a.UpdatedBy).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.PermittedTriggers);
        b.Ignore(a => a.SearchKeys);

        // One article per case; the complaint may be deleted only with its article gone (it never is: complaints are kept).
        b.HasOne<Complaint>().WithMany().HasForeignKey(a => a.SourceComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.SourceComplaintId).IsUnique();
        b.HasIndex(a => new { a.Status, a.UpdatedAt });
        b.HasMany<KnowledgeKey>().WithOne().HasForeignKey(k => k.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeKeyConfiguration : IEntityTypeConfiguration<KnowledgeKey>
{
    public void Configure(EntityTypeBuilder<KnowledgeKey> b)
    {
        b.ToTable("KnowledgeKeys");
        b.HasKey(k => new { k.ArticleId, k.Key });
        b.Property(k => k.Key).HasMaxLength(KnowledgeText.MaxKeyLength).IsPrefixSearched();
        b.HasIndex(k => new { k.Key, k.ArticleId });
    }
}

/// <summary>Keeps the keys of every article about to be saved in step with its text, in the same transaction.</summary>
internal static class KnowledgeIndex
{
    internal static async Task RebuildAsync(AfterSalesDb db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<KnowledgeArticle>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => (e.Entity, e.State))
            .ToList();
        foreach (var (article, state) in changed)
        {
            if (state == EntityState.Modified)
            {
                await db.Set<KnowledgeKey>().Where(k => k.ArticleId == article.Id).ExecuteDeleteAsync(ct);
            }

            // Keys added by an earlier save of the same context are still tracked: forget them before adding the new set.
            foreach (var tracked in db.ChangeTracker.Entries<KnowledgeKey>().Where(e => e.Entity.ArticleId == article.Id).ToList())
            {
                tracked.State = EntityState.Detached;
            }

            db.Set<KnowledgeKey>().AddRange(article.SearchKeys.Select(k => new KnowledgeKey { ArticleId = article.Id, Key = k }));
        }
    }
}
