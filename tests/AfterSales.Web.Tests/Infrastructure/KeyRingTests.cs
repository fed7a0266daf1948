using AfterSales.Web.Features.PublicAccess;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>The key ring is in the database and encrypted there, so a second node (or a fresh container) reads what the first issued.</summary>
public abstract class KeyRingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    [Fact]
    public async Task A_customer_link_issued_by_one_node_opens_on_another_node_of_the_same_database()
    {
        var phone = TestData.Mobile();
        var issued = app.Services.GetRequiredService<CustomerTokens>().Issue(phone, "complaints", TimeSpan.FromHours(1));

        await using var secondNode = app.WithWebHostBuilder(_ => { });
        var readBack = secondNode.Services.GetRequiredService<CustomerTokens>().ReadPhone(issued.Token, "complaints");

        Assert.Equal(phone, readBack);
    }

    [Fact]
    public async Task Keys_are_stored_in_the_database_encrypted_under_the_key_encryption_key()
    {
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken));

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_node_with_another_key_encryption_key_cannot_read_the_key_ring()
    {
        var token = app.Services.GetRequiredService<CustomerTokens>().Issue(TestData.Mobile(), "complaints", TimeSpan.FromHours(1)).Token;

        var otherKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var strayNode = app.WithWebHostBuilder(b => b.UseSetting(Web.Infrastructure.KeyEncryptionKey.Setting, otherKey));

        Assert.Null(strayNode.Services.GetRequiredService<CustomerTokens>().ReadPhone(token, "complaints"));
    }
}

public sealed class SqliteKeyRingTests(SqliteApp app) : KeyRingTests<SqliteApp>(app);

public sealed class PostgresKeyRingTests(PostgresApp app) : KeyRingTests<PostgresApp>(app);
