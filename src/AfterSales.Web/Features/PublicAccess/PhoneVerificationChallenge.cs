using System.Security.Cryptography;
using System.Text;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.PublicAccess;

/// <summary>
/// One code sent to a phone for one purpose. Only a hash of the code is kept; a row is a log of what was sent,
/// not a business record, so it is not audited (the audit would otherwise copy the hash).
/// </summary>
public sealed class PhoneVerificationChallenge : INotAudited
{
    public const int PhoneMaxLength = 20;
    public const int PurposeMaxLength = 20;

    private PhoneVerificationChallenge()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Normalized digits (see <see cref="Domain.Common.PhoneNumber.Normalize"/>).</summary>
    public string Phone { get; private set; } = string.Empty;

    public string Purpose { get; private set; } = string.Empty;

    public string CodeHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public int Version { get; private set; }

    internal static PhoneVerificationChallenge Issue(string phone, string purpose, string code, TimeSpan lifetime, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new PhoneVerificationChallenge
        {
            Id = id,
            Phone = phone,
            Purpose = purpose,
            CodeHash = Hash(id, code),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    internal bool IsOpen(DateTimeOffset now, int maxAttempts) => VerifiedAt is null && now < ExpiresAt && FailedAttempts < maxAttempts;

    /// <summary>Checks a typed code; a wrong one counts against the attempts, a right one uses the challenge up.</summary>
    internal bool TryVerify(string code, DateTimeOffset now)
    {
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(Id, code)), Encoding.ASCII.GetBytes(CodeHash));
        if (matches)
        {
            VerifiedAt = now;
        }
        else
        {
            FailedAttempts++;
        }

        return matches;
    }

    // Salted with the row id so equal codes do not give equal hashes.
    private static string Hash(Guid id, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}")));
}

internal sealed class PhoneVerificationChallengeConfiguration : IEntityTypeConfiguration<PhoneVerificationChallenge>
{
    public void Configure(EntityTypeBuilder<PhoneVerificationChallenge> b)
    {
        b.ToTable("PhoneVerificationChallenges");
        b.HasKey(c => c.Id);
        b.Property(c => c.Phone).HasMaxLength(PhoneVerificationChallenge.PhoneMaxLength);
        b.Property(c => c.Purpose).HasMaxLength(PhoneVerificationChallenge.PurposeMaxLength);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();

        // The latest challenge of a phone and purpose, and the rate limit's count of recent ones.
        b.HasIndex(c => new { c.Phone, c.Purpose, c.CreatedAt });
        b.HasIndex(c => new { c.Phone, c.CreatedAt });
    }
}
