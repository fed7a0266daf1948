using System.Security.Cryptography;
using System.Text;
using AfterSales.Domain.Common;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Login;

/// <summary>A sign-in with user name and password.</summary>
public sealed record LoginRequest(string UserName, string Password, bool RememberMe = false);

public enum LoginStatus
{
    /// <summary>The password is right and the login active: the caller signs the user in.</summary>
    Succeeded,

    /// <summary>No user name or no password.</summary>
    Missing,

    /// <summary>Unknown name or wrong password: the same answer for both.</summary>
    Failed,

    /// <summary>The password is right but the login is disabled.</summary>
    Disabled,

    /// <summary>Too many attempts for this name or from this address: try again after <see cref="LoginAttempt.RetryAfter"/>.</summary>
    Throttled,
}

/// <summary>What became of one attempt: <see cref="User"/> when it succeeded, <see cref="Code"/> (a text key) otherwise.</summary>
public sealed record LoginAttempt(LoginStatus Status, AppUser? User = null, string? Code = null, TimeSpan? RetryAfter = null)
{
    public FieldError Error => new(Code ?? "login.failed");
}

/// <summary>
/// How many sign-in attempts a user name and a client address get. Every attempt takes one use of each tier (see
/// <see cref="Throttle"/>), so concurrent guesses cannot get more evaluated than the allowance. The tiers have longer and
/// longer windows: after the first five failures a guesser waits a minute, after ten a quarter of an hour, after twenty
/// an hour; no tier lasts for good, so the real owner is never locked out, and an administrator can clear the counters.
/// Names are counted normalised whether or not a user has them, so guesses against unknown names are slowed exactly like
/// known ones and the answers tell nothing about which names exist. A successful sign-in clears its name's counters and
/// gives its use of the address back, so an office behind one address is not slowed by its own colleagues.
/// </summary>
public static class LoginAllowances
{
    public const string AccountKey = "login.account";
    public const string AddressKey = "login.address";

    public static readonly IReadOnlyList<(int Limit, TimeSpan Window)> AccountTiers =
        [(5, TimeSpan.FromMinutes(1)), (10, TimeSpan.FromMinutes(15)), (20, TimeSpan.FromHours(1))];

    public static readonly IReadOnlyList<(int Limit, TimeSpan Window)> AddressTiers =
        [(20, TimeSpan.FromMinutes(1)), (100, TimeSpan.FromHours(1))];

    /// <summary>As Identity's default normaliser stores <see cref="IdentityUser{TKey}.NormalizedUserName"/>.</summary>
    public static string Normalize(string userName) => userName.Trim().Normalize().ToUpperInvariant();

    /// <summary>The counter keys of a normalised name, one per tier, in tier order.</summary>
    public static List<string> AccountKeys(string normalizedName) =>
        [.. AccountTiers.Select((_, i) => $"{AccountKey}.{i}:{Bounded(normalizedName)}")];

    public static List<string> AddressKeys(string? clientAddress) =>
        [.. AddressTiers.Select((_, i) => $"{AddressKey}.{i}:{Bounded(clientAddress ?? "unknown")}")];

    // The name before the address, so an owner who mistyped hears about their account, not about the office's address;
    // the longest window first, so a refusal names the longest wait, not a minute that would be followed by a quarter hour.
    public static List<ThrottleRule> Rules(string normalizedName, string? clientAddress) =>
    [
        .. AccountKeys(normalizedName).Zip(AccountTiers, (key, tier) => new ThrottleRule(key, tier.Limit, tier.Window)).Reverse(),
        .. AddressKeys(clientAddress).Zip(AddressTiers, (key, tier) => new ThrottleRule(key, tier.Limit, tier.Window)).Reverse(),
    ];

    /// <summary>The message key for a refused allowance.</summary>
    public static string RefusalCode(string key) =>
        key.StartsWith(AddressKey, StringComparison.Ordinal) ? "login.throttled_address" : "login.throttled";

    // A counter key has room for 200 characters: a longer name or address is counted by its hash.
    private static string Bounded(string value) =>
        value.Length <= 150 ? value : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

/// <summary>
/// Checks a user name and password within the <see cref="LoginAllowances"/>. The one place of the sign-in rule: the
/// login page and the API call it and then sign the user in. Identity's own lockout is not used (it locked the
/// real owner out). Every refusal is logged with the name and address, never the password.
/// </summary>
public sealed class PasswordLogin(AfterSalesDb db, UserManager<AppUser> users, Throttle throttle, ILogger<PasswordLogin> logger)
{
    // Verified for unknown names too, so they take as long to answer as known ones.
    private static string? _dummyHash;

    public async Task<LoginAttempt> HandleAsync(LoginRequest request, string? clientAddress, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return new LoginAttempt(LoginStatus.Missing, Code: "login.missing");
        }

        var name = LoginAllowances.Normalize(request.UserName);

        // The use is taken and committed before the password is checked: concurrent attempts each take their own
        // (the upsert is atomic), and the slow hash check holds no lock.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var refused = await throttle.TryTakeAsync(LoginAllowances.Rules(name, clientAddress), ct);
            if (refused is not null)
            {
                await transaction.RollbackAsync(ct);
                logger.LogWarning(
                    "Sign-in refused for {UserName} from {ClientAddress}: allowance {Allowance} used up until {FreeAt}",
                    name, clientAddress, refused.Rule.Key, refused.FreeAt);
                return new LoginAttempt(LoginStatus.Throttled, Code: LoginAllowances.RefusalCode(refused.Rule.Key), RetryAfter: refused.RetryAfter);
            }

            await transaction.CommitAsync(ct);
        }

        var user = await users.FindByNameAsync(request.UserName.Trim());
        bool passwordRight;
        if (user is null)
        {
            _dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), _dummyHash, request.Password);
            passwordRight = false;
        }
        else
        {
            passwordRight = await users.CheckPasswordAsync(user, request.Password);
        }

        if (!passwordRight)
        {
            logger.LogWarning("Sign-in failed for {UserName} from {ClientAddress}: unknown name or wrong password", name, clientAddress);
            return new LoginAttempt(LoginStatus.Failed, Code: "login.failed");
        }

        await ForgiveAsync(name, clientAddress, ct);

        // The password is checked first, so that "disabled" tells nothing to someone who does not know it.
        if (!user!.IsActive)
        {
            logger.LogWarning("Sign-in refused for {UserName} from {ClientAddress}: the login is disabled", name, clientAddress);
            return new LoginAttempt(LoginStatus.Disabled, Code: "login.disabled");
        }

        logger.LogInformation("{UserName} signed in from {ClientAddress}", user.UserName, clientAddress);
        return new LoginAttempt(LoginStatus.Succeeded, user);
    }

    /// <summary>Clears a name's counters (the owner got in) and gives the address its use back.</summary>
    private async Task ForgiveAsync(string name, string? clientAddress, CancellationToken ct)
    {
        var accountKeys = LoginAllowances.AccountKeys(name);
        var addressKeys = LoginAllowances.AddressKeys(clientAddress);
        await db.Set<ThrottleCounter>().Where(c => accountKeys.Contains(c.Key)).ExecuteDeleteAsync(ct);
        await db.Set<ThrottleCounter>().Where(c => addressKeys.Contains(c.Key) && c.Count > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count - 1), ct);
    }
}
