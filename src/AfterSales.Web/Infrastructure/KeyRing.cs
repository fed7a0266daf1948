using System.Security.Cryptography;
using System.Xml.Linq;
using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace AfterSales.Web.Infrastructure;

/// <summary>
/// The DataProtection key ring (customer links, login cookies, gate passes) lives in the database, so every node
/// and every fresh container reads the same keys. Each key is encrypted at rest with AES-256-GCM under a
/// key-encryption key that is not in the database: a dump or a backup alone does not reveal the key ring.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "AfterSales";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(sp => KeyEncryptionKey.Load(configuration, environment, sp.GetRequiredService<ILogger<KeyEncryptionKey>>()));
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AfterSalesDb>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((o, sp) => o.XmlEncryptor = new KeyEncryptionKeyXmlEncryptor(sp.GetRequiredService<KeyEncryptionKey>()));
        return services;
    }
}

/// <summary>The 256-bit key that encrypts the key ring: from <c>DataProtection:KeyEncryptionKey</c> (base64), else a key file.</summary>
public sealed class KeyEncryptionKey
{
    public const string Setting = "DataProtection:KeyEncryptionKey";
    public const string FileSetting = "DataProtection:KeyEncryptionKeyFile";

    private readonly byte[] _key;

    public KeyEncryptionKey(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException($"{Setting} must be 32 bytes (base64 of 256 random bits).", nameof(key));
        }

        _key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    /// <summary>A fingerprint stored next to each encrypted key, so a wrong key-encryption key is named, not guessed at.</summary>
    public string Id { get; }

    internal static KeyEncryptionKey Load(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            return new KeyEncryptionKey(Convert.FromBase64String(configured));
        }

        var file = Path.GetFullPath(configuration[FileSetting] ?? Path.Combine("data", "keys", "key-encryption.key"), environment.ContentRootPath);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(file, options);
                stream.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process of this node created it first: use theirs.
            }
        }

        // A second node would make its own file and could not read the first node's keys: say how to share one.
        logger.LogWarning("{Setting} is not configured; the key ring is encrypted with the key in {File}. Every node must use the same key: set {Setting} on all of them.", Setting, file, Setting);
        return new KeyEncryptionKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }

    internal byte[] Encrypt(byte[] plaintext)
    {
        // nonce | tag | ciphertext
        var sealedBox = new byte[AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize + plaintext.Length];
        var nonce = sealedBox.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = sealedBox.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, tag.Length);
        aes.Encrypt(nonce, plaintext, sealedBox.AsSpan(nonce.Length + tag.Length), tag, AssociatedData);
        return sealedBox;
    }

    internal byte[] Decrypt(byte[] sealedBox)
    {
        var nonce = sealedBox.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = sealedBox.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        var ciphertext = sealedBox.AsSpan(nonce.Length + tag.Length);
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(_key, tag.Length);
        aes.Decrypt(nonce, ciphertext, tag, plaintext, AssociatedData);
        return plaintext;
    }

    private static ReadOnlySpan<byte> AssociatedData => "AfterSales.DataProtection.v1"u8;
}

internal sealed class KeyEncryptionKeyXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under the AfterSales key-encryption key "),
            new XAttribute("kek", key.Id),
            new XElement("value", Convert.ToBase64String(key.Encrypt(plaintext))));
        return new EncryptedXmlInfo(element, typeof(KeyEncryptionKeyXmlDecryptor));
    }
}

/// <summary>Created by DataProtection from the type name stored with each key, hence the service-provider constructor.</summary>
internal sealed class KeyEncryptionKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyEncryptionKey>();
        var kek = (string?)encryptedElement.Attribute("kek");
        if (kek != key.Id)
        {
            throw new CryptographicException($"This key was encrypted with key-encryption key {kek}, this node has {key.Id}: set the same {KeyEncryptionKey.Setting} on every node.");
        }

        var plaintext = key.Decrypt(Convert.FromBase64String((string)encryptedElement.Element("value")!));
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }
}
