using System.Text;

namespace AfterSales.Web.Features.Files;

public enum StoredFileKind
{
    Image,
    Video,
    Document,
}

/// <summary>A file type the store accepts: what its bytes look like, which extensions name it, how it is served.</summary>
public sealed record AcceptedType(string Name, string ContentType, StoredFileKind Kind, string[] Extensions, bool IsReencodedImage)
{
    /// <summary>Browsers render these themselves; everything else downloads as an attachment.</summary>
    public bool ShowsInline => Kind == StoredFileKind.Image || ContentType == "application/pdf";
}

/// <summary>
/// Decides a file's type by its content (magic bytes), never by the name or the browser's claim, and
/// checks the name against it. Anything not on the allow-list is refused with a reason the uploader can act on.
/// </summary>
public static class FileTypes
{
    public const int HeaderLength = 64;

    public static readonly AcceptedType Jpeg = new("JPEG", "image/jpeg", StoredFileKind.Image, ["jpg", "jpeg", "jfif"], true);
    public static readonly AcceptedType Png = new("PNG", "image/png", StoredFileKind.Image, ["png"], true);
    public static readonly AcceptedType WebP = new("WebP", "image/webp", StoredFileKind.Image, ["webp"], true);
    public static readonly AcceptedType Heic = new("HEIC", "image/heic", StoredFileKind.Image, ["heic", "heif"], true);
    public static readonly AcceptedType Pdf = new("PDF", "application/pdf", StoredFileKind.Document, ["pdf"], false);
    public static readonly AcceptedType Mp4 = new("MP4", "video/mp4", StoredFileKind.Video, ["mp4", "m4v"], false);
    public static readonly AcceptedType Mov = new("MOV", "video/quicktime", StoredFileKind.Video, ["mov"], false);

    public static readonly IReadOnlyList<AcceptedType> All = [Jpeg, Png, WebP, Heic, Pdf, Mp4, Mov];

    /// <summary>For the file picker's accept attribute; the server decides by content regardless.</summary>
    public static string AcceptAttribute => string.Join(',', All.SelectMany(t => t.Extensions.Select(e => "." + e)).Append("image/*"));

    // Names that run, render script or install something: never part of an evidence file's name.
    private static readonly HashSet<string> Dangerous = new(StringComparer.OrdinalIgnoreCase)
    {
        "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "dll", "cpl", "jar", "js", "mjs", "jse", "vbs", "vbe", "wsf", "wsh",
        "ps1", "psm1", "sh", "bash", "py", "pl", "php", "asp", "aspx", "jsp", "cgi", "htm", "html", "xhtml", "shtml", "svg", "svgz",
        "xml", "hta", "lnk", "reg", "apk", "ipa", "app", "dmg", "deb", "rpm", "iso", "docm", "xlsm", "pptm", "swf",
    };

    private static readonly HashSet<string> Known = new(
        All.SelectMany(t => t.Extensions).Concat(Dangerous).Concat(["gif", "bmp", "tif", "tiff", "doc", "docx", "xls", "xlsx", "zip", "rar", "7z", "txt"]),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The type the bytes say, or a refusal code: SVG, executables and unknown content are refused by name.</summary>
    public static (AcceptedType? Type, string? Refusal) Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return (Jpeg, null);
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (Png, null);
        }

        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return (WebP, null);
        }

        if (header.StartsWith("%PDF-"u8))
        {
            return (Pdf, null);
        }

        // ISO base media (MP4, MOV, HEIC): a box "ftyp" at offset 4 whose major brand names the family.
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(header[8..12]);
            return brand switch
            {
                "heic" or "heix" or "heim" or "heis" or "hevc" or "hevx" or "mif1" or "msf1" => (Heic, null),
                "qt  " => (Mov, null),
                "isom" or "iso2" or "iso4" or "iso5" or "iso6" or "mp41" or "mp42" or "avc1" or "M4V " or "M4VP" or "mmp4" or "MSNV" or "dash" or "3gp4" or "3gp5" or "3g2a" => (Mp4, null),
                _ => (null, "file.type_not_allowed"),
            };
        }

        // Old QuickTime files start with a moov, mdat, wide or free box instead of ftyp.
        if (header.Length >= 8 && (header[4..8].SequenceEqual("moov"u8) || header[4..8].SequenceEqual("mdat"u8) || header[4..8].SequenceEqual("wide"u8)))
        {
            return (Mov, null);
        }

        if (LooksLikeMarkup(header))
        {
            return (null, "file.svg_or_markup_refused");
        }

        if (header.StartsWith("MZ"u8) || header.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) || header.StartsWith("#!"u8))
        {
            return (null, "file.executable_refused");
        }

        return (null, "file.type_not_allowed");
    }

    /// <summary>A refusal code if the name hides another type ("x.jpg.exe") or does not agree with the content.</summary>
    public static string? CheckName(string fileName, AcceptedType type)
    {
        var parts = fileName.Split('.');
        if (parts.Length < 2 || parts[^1].Length == 0)
        {
            return "file.extension_missing";
        }

        var extension = parts[^1];
        if (parts.Length >= 3 && Known.Contains(parts[^2]) && !parts[^2].Equals(extension, StringComparison.OrdinalIgnoreCase))
        {
            return "file.double_extension";
        }

        if (Dangerous.Contains(extension))
        {
            return "file.double_extension";
        }

        return type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? null : "file.extension_mismatch";
    }

    /// <summary>The name as the uploader gave it, without any path, control characters or excess length.</summary>
    public static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string(name.Where(ch => !char.IsControl(ch) && ch is not ('"' or '<' or '>' or '|' or '*' or '?' or ':')).ToArray()).Trim().Trim('.');
        if (name.Length > StoredFile.NameMaxLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(StoredFile.NameMaxLength - extension.Length)] + extension;
        }

        return name;
    }

    // SVG, HTML and XML carry script; whitespace and a UTF-8 byte order mark may come first.
    private static bool LooksLikeMarkup(ReadOnlySpan<byte> header)
    {
        var text = header.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? header[3..] : header;
        while (text.Length > 0 && text[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            text = text[1..];
        }

        return text.Length > 0 && text[0] == (byte)'<';
    }
}
