using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Stores;
using AfterSales.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Persistence;

/// <summary>
/// The database. Abstract because SQLite and PostgreSQL each keep their own migrations
/// (<see cref="SqliteAfterSalesDb"/>, <see cref="PostgresAfterSalesDb"/>); see ADR 0002.
/// </summary>
public abstract class AfterSalesDb : IdentityDbContext<AppUser, AppRole, Guid>, IDataProtectionKeyContext
{
    private readonly ICurrentUser? _currentUser;
    private readonly TimeProvider _clock;

    protected AfterSalesDb(DbContextOptions options, ICurrentUser? currentUser, TimeProvider? clock)
        : base(options)
    {
        _currentUser = currentUser;
        _clock = clock ?? TimeProvider.System;
    }

    public DbSet<Store> Stores => Set<Store>();

    public DbSet<UserStore> UserStores => Set<UserStore>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>The DataProtection key ring every node shares (links, cookies); each key encrypted at rest, see <see cref="KeyRing"/>.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public ICurrentUser? CurrentUser => _currentUser;

    // Read by the global query filters; EF turns them into parameters per query.
    internal bool SeesAllStores => _currentUser?.Scope.AllStores ?? true;

    internal Guid[] VisibleStoreIds => _currentUser?.Scope.StoreIds.ToArray() ?? [];

    internal bool ManagesComplaints => _currentUser?.IsInRole(Domain.Staff.StaffRole.ServiceManager) ?? false;

    internal bool HandlesComplaints => _currentUser?.IsInRole(Domain.Staff.StaffRole.ComplaintSpecialist) ?? false;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.PreferredCulture).HasMaxLength(10);
            b.HasMany(u => u.Stores).WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UserStore>(b =>
        {
            b.HasKey(s => new { s.UserId, s.StoreId });
            b.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(s => s.StoreId);
        });

        builder.Entity<Store>(b =>
        {
            b.HasKey(s => s.Id);
            b.Property(s => s.Code).HasMaxLength(20);
            b.HasIndex(s => s.Code).IsUnique();
            b.Property(s => s.Name).HasMaxLength(100);
            b.Property(s => s.Address).HasMaxLength(300);
            b.Property(s => s.Phone).HasMaxLength(20);
            b.Property(s => s.TimeZoneId).HasMaxLength(64);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.Ignore(s => s.OpeningHours);
            b.Ignore(s => s.Holidays);
            b.ComplexCollection<List<OpeningHours>, OpeningHours>("_openingHours", c => c.ToJson("OpeningHours"));
            b.ComplexCollection<List<StoreHoliday>, StoreHoliday>("_holidays", c => c.ToJson("Holidays"));
        });

        builder.Entity<Customer>(b =>
        {
            b.HasKey(c => c.Id);
            b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Name).HasMaxLength(Customer.NameMaxLength);
            b.Property(c => c.ContactPerson).HasMaxLength(Customer.NameMaxLength);
            b.Property(c => c.Address).HasMaxLength(Customer.AddressMaxLength);
            b.Property(c => c.Notes).HasMaxLength(Customer.NotesMaxLength);
            b.Property(c => c.Version).IsConcurrencyToken();
            b.Ignore(c => c.Phones);
            b.ComplexCollection<List<CustomerPhone>, CustomerPhone>("_phones", c =>
            {
                c.ToJson("Phones");
                c.Property(p => p.Label).HasConversion<string>();
            });
            b.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(c => new { c.StoreId, c.Name });
            b.HasIndex(c => c.Name);
            b.HasIndex(c => c.CreatedAt);
            b.HasQueryFilter(c => SeesAllStores || VisibleStoreIds.Contains(c.StoreId));
            b.Ignore(c => c.PrimaryPhone);
        });

        builder.Entity<Asset>(b =>
        {
            b.HasKey(a => a.Id);
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Brand).HasMaxLength(Asset.TextMaxLength);
            b.Property(a => a.Model).HasMaxLength(Asset.TextMaxLength);
            b.Property(a => a.Vin).HasMaxLength(17);
            b.Property(a => a.Plate).HasMaxLength(12);
            b.Property(a => a.BatteryType).HasMaxLength(50);
            b.Property(a => a.BatterySerial).HasMaxLength(Asset.TextMaxLength);
            b.Property(a => a.SerialNumber).HasMaxLength(Asset.TextMaxLength);
            b.Property(a => a.Imei).HasMaxLength(15);
            b.Property(a => a.PurchaseProof).HasMaxLength(Asset.TextMaxLength);
            b.Property(a => a.BatteryCapacityKwh).HasPrecision(7, 2);
            b.Property(a => a.Version).IsConcurrencyToken();
            b.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Store>().WithMany().HasForeignKey(a => a.StoreId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(a => a.CustomerId);
            b.HasIndex(a => a.Vin);
            b.HasIndex(a => a.Imei);
            b.HasQueryFilter(a => SeesAllStores || VisibleStoreIds.Contains(a.StoreId));
            b.Ignore(a => a.DisplayName);
        });

        builder.Entity<SearchTerm>(b =>
        {
            b.HasKey(t => t.Id);
            b.Property(t => t.Term).HasMaxLength(SearchIndex.MaxLength);
            b.HasIndex(t => new { t.Term, t.CustomerId });
            b.HasIndex(t => t.CustomerId);
            b.HasIndex(t => t.AssetId);
        });

        builder.Entity<AuditEntry>(b =>
        {
            b.HasKey(a => a.Id);
            b.Property(a => a.UserName).HasMaxLength(100);
            b.Property(a => a.EntityType).HasMaxLength(50);
            b.Property(a => a.Action).HasMaxLength(20);
            b.HasIndex(a => new { a.EntityId, a.Id });
            b.HasIndex(a => a.At);
        });

        builder.Entity<ApiToken>(b =>
        {
            b.HasKey(t => t.Id);
            b.Property(t => t.Name).HasMaxLength(100);
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.Property(t => t.Prefix).HasMaxLength(12);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        // Feature areas bring their own tables as IEntityTypeConfiguration classes next to their slices.
        builder.ApplyConfigurationsFromAssembly(typeof(AfterSalesDb).Assembly);
        builder.Entity<Domain.Warranty.ExtendedWarrantyContract>().HasQueryFilter(c => SeesAllStores || VisibleStoreIds.Contains(c.StoreId));
        builder.Entity<Domain.Warranty.WarrantyDecision>().HasQueryFilter(d => SeesAllStores || VisibleStoreIds.Contains(d.StoreId));
        builder.Entity<Domain.Warranty.WarrantyClaim>().HasQueryFilter(c => SeesAllStores || VisibleStoreIds.Contains(c.StoreId));
        builder.Entity<Domain.Returns.ProductSale>().HasQueryFilter(s => SeesAllStores || VisibleStoreIds.Contains(s.StoreId));
        builder.Entity<Domain.Returns.ReturnRequest>().HasQueryFilter(r => SeesAllStores || VisibleStoreIds.Contains(r.StoreId));
        builder.Entity<Domain.Returns.ReturnEscalation>().HasQueryFilter(e => SeesAllStores || VisibleStoreIds.Contains(e.StoreId));
        builder.Entity<Features.Files.StoredFile>().HasQueryFilter(f => SeesAllStores || VisibleStoreIds.Contains(f.StoreId));
        builder.Entity<Domain.Appointments.Appointment>().HasQueryFilter(a => SeesAllStores || VisibleStoreIds.Contains(a.StoreId));
        Features.Parts.PartsModel.FilterByStore(builder, this);
        Features.FollowUps.FollowUpModel.FilterByStore(builder, this);
        Features.Surveys.SurveyModel.FilterByStore(builder, this);
        builder.Entity<Features.Imports.ComplaintImport>().HasQueryFilter(i => SeesAllStores || VisibleStoreIds.Contains(i.StoreId));

        // Confidentiality: within their stores, only the store's managers, the assigned handler or team, whoever
        // recorded it and, while nobody has it, the store's specialists see a complaint; group roles see all.
        builder.Entity<Domain.Complaints.Complaint>().HasQueryFilter(c => SeesAllStores || (VisibleStoreIds.Contains(c.StoreId)
            && (ManagesComplaints || c.ReceivedById == ActingUserId || c.AssignedSpecialistId == ActingUserId
                || (HandlesComplaints && c.AssignedSpecialistId == null && c.AssignedTeamId == null)
                || Set<Domain.Complaints.ComplaintTeamMember>().Any(m => m.TeamId == c.AssignedTeamId && m.UserId == ActingUserId))));
        builder.Entity<Domain.Complaints.CapaAction>().HasQueryFilter(a => SeesAllStores || VisibleStoreIds.Contains(a.StoreId));
        builder.Entity<Domain.Labour.LabourOperation>().HasQueryFilter(o => SeesAllStores || VisibleStoreIds.Contains(o.StoreId));
        builder.Entity<Domain.Labour.ServiceSettings>().HasQueryFilter(s => SeesAllStores || VisibleStoreIds.Contains(s.StoreId));
        builder.Entity<Domain.RepairOrders.RepairOrder>().HasQueryFilter(o => SeesAllStores || VisibleStoreIds.Contains(o.StoreId));
        builder.Entity<Domain.Workshop.Technician>().HasQueryFilter(t => SeesAllStores || VisibleStoreIds.Contains(t.StoreId));
        builder.Entity<Domain.Workshop.WorkshopTeam>().HasQueryFilter(t => SeesAllStores || VisibleStoreIds.Contains(t.StoreId));
        builder.Entity<Domain.Quality.QualityCheck>().HasQueryFilter(c => SeesAllStores || VisibleStoreIds.Contains(c.StoreId));
        builder.Entity<Domain.Quality.ReworkRecord>().HasQueryFilter(r => SeesAllStores || VisibleStoreIds.Contains(r.StoreId));
        builder.Entity<Domain.Quality.UnfixedIssue>().HasQueryFilter(i => SeesAllStores || VisibleStoreIds.Contains(i.StoreId));
        builder.Entity<Domain.Delivery.OrderDelivery>().HasQueryFilter(d => SeesAllStores || VisibleStoreIds.Contains(d.StoreId));
        builder.Entity<Features.Notifications.OutboxMessage>().HasQueryFilter(m => SeesAllStores || (m.StoreId != null && VisibleStoreIds.Contains(m.StoreId.Value)));
        builder.Entity<Features.Reminders.AssetDue>().HasQueryFilter(d => SeesAllStores || VisibleStoreIds.Contains(d.StoreId));
        builder.Entity<Domain.Reminders.Reminder>().HasQueryFilter(r => SeesAllStores || VisibleStoreIds.Contains(r.StoreId));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        AppendOnly.Check(ChangeTracker);
        var now = _clock.GetUtcNow();
        BumpVersions();
        var audit = AuditTrail.Collect(this, now);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await SearchIndex.RebuildAsync(this, cancellationToken);
            await Features.Knowledge.KnowledgeIndex.RebuildAsync(this, cancellationToken);
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (audit.Count > 0)
            {
                AuditEntries.AddRange(audit.Select(a => a.Complete()));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Every aggregate carries an integer Version; a save that changes it counts on the old value (optimistic concurrency).</summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified || entry.Metadata.FindProperty("Version") is not { IsConcurrencyToken: true })
            {
                continue;
            }

            var version = entry.Property("Version");
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
    }

    internal string ActingUserName => _currentUser?.UserName ?? "system";

    internal Guid? ActingUserId => _currentUser?.UserId;
}

public sealed class SqliteAfterSalesDb(DbContextOptions<SqliteAfterSalesDb> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : AfterSalesDb(options, currentUser, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset stored as text; all values are UTC, so ticks order correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAfterSalesDb(DbContextOptions<PostgresAfterSalesDb> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : AfterSalesDb(options, currentUser, clock)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Byte-order collation so that prefix search is an index range scan, as it is on SQLite.
        builder.Entity<SearchTerm>().Property(t => t.Term).UseCollation("C");
        foreach (var property in PrefixSearch.Properties(builder.Model))
        {
            property.SetCollation("C");
        }
    }
}
