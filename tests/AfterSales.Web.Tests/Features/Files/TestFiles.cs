using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using SkiaSharp;

namespace AfterSales.Web.Tests.Features.Files;

/// <summary>Small real files of every accepted type, and hostile ones, made in memory.</summary>
internal static class TestFiles
{
    /// <summary>Text hidden in the EXIF block of <see cref="JpegWithExif"/>: it must not survive the upload.</summary>
    public const string ExifSecret = "SECRET-GPS-31.2304N-121.4737E";

    public const string VideoSecret = "+31.2304+121.4737/";

    public static byte[] Png(int width = 40, int height = 20) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] WebP(int width = 40, int height = 20) => Encode(width, height, SKEncodedImageFormat.Webp);

    public static byte[] Jpeg(int width = 40, int height = 20) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    /// <summary>A 40×20 JPEG whose EXIF says "rotate 90° clockwise" (orientation 6) and carries GPS coordinates and a description.</summary>
    public static byte[] JpegWithExif()
    {
        var jpeg = Jpeg();
        var exif = ExifSegment();
        return [.. jpeg.AsSpan(0, 2), .. exif, .. jpeg.AsSpan(2)];
    }

    public static byte[] Pdf(string extra = "") => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R " + extra + ">> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>An MP4 (ftyp isom) whose moov holds a user-data box with the place it was shot, as phones write it.</summary>
    public static byte[] Mp4()
    {
        var xyz = Box("\u00a9xyz", [0, 18, 0x15, 0xC7, .. Encoding.ASCII.GetBytes(VideoSecret)]);
        var moov = Box("moov", [.. Box("mvhd", new byte[100]), .. Box("udta", xyz)]);
        return [.. Box("ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isomiso2mp41"u8]), .. moov, .. Box("mdat", new byte[64])];
    }

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>fetch('/api/v1/customers')</script><circle r=\"5\"/></svg>");

    public static byte[] Executable() => [.. "MZ"u8, .. new byte[200]];

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string declaredType = "image/jpeg", IDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        return form;
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.OrangeRed };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] Box(string type, byte[] payload)
    {
        var box = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.Latin1.GetBytes(type, box.AsSpan(4, 4));
        payload.CopyTo(box, 8);
        return box;
    }

    /// <summary>APP1 "Exif": a big-endian TIFF with IFD0 (description, orientation 6, GPS pointer) and a GPS IFD (latitude ref N).</summary>
    private static byte[] ExifSegment()
    {
        var description = Encoding.ASCII.GetBytes(ExifSecret + "\0");
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange([(byte)(v >> 8), (byte)v]);
        void U32(int v) => tiff.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);

        const int ifd0 = 8;
        const int ifd0Size = 2 + (3 * 12) + 4;
        const int gpsIfd = ifd0 + ifd0Size;
        const int gpsSize = 2 + 12 + 4;
        const int descriptionAt = gpsIfd + gpsSize;
        tiff.AddRange("MM"u8.ToArray());
        U16(42);
        U32(ifd0);
        U16(3);
        U16(0x010E); U16(2); U32(description.Length); U32(descriptionAt); // ImageDescription
        U16(0x0112); U16(3); U32(1); U16(6); U16(0);                      // Orientation: rotate 90° CW
        U16(0x8825); U16(4); U32(1); U32(gpsIfd);                         // GPSInfo
        U32(0);
        U16(1);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray()); // GPSLatitudeRef
        U32(0);
        tiff.AddRange(description);

        var payload = (byte[])[.. "Exif\0\0"u8, .. tiff];
        var length = payload.Length + 2;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
    }
}
