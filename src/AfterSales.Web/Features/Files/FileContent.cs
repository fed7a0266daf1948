using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace AfterSales.Web.Features.Files;

/// <summary>What an image became after re-encoding.</summary>
internal sealed record EncodedImage(AcceptedType Type, int Width, int Height, bool HasThumbnail);

/// <summary>
/// Makes accepted content safe to keep: images are decoded and encoded again (which drops EXIF, GPS and any
/// bytes hidden after the image), videos lose their user-data boxes, PDFs with script are refused.
/// </summary>
internal static class FileContent
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Re-encodes <paramref name="source"/> into <paramref name="target"/>; a refusal code when it is not a readable image.</summary>
    public static (EncodedImage? Image, string? Refusal) ReencodeImage(string source, string target, string thumbnail, AcceptedType type, FileStorageOptions options)
    {
        using var codec = SKCodec.Create(source);
        if (codec is null)
        {
            return (null, type == FileTypes.Heic ? "file.heic_not_supported" : "file.image_unreadable");
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > options.MaxImagePixels)
        {
            return (null, "file.image_too_large");
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return (null, "file.image_unreadable");
        }

        // The orientation lived in the EXIF block that re-encoding drops: apply it to the pixels instead.
        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(Fit(upright, options.MaxImageEdge, out var resized));
        using (resized)
        {
            // HEIC is kept as JPEG: browsers other than Safari cannot show it.
            var (outType, format, quality) = type == FileTypes.Png ? (FileTypes.Png, SKEncodedImageFormat.Png, 100)
                : type == FileTypes.WebP ? (FileTypes.WebP, SKEncodedImageFormat.Webp, 90)
                : (FileTypes.Jpeg, SKEncodedImageFormat.Jpeg, 90);
            using (var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}."))
            using (var file = File.Create(target))
            {
                data.SaveTo(file);
            }

            WriteThumbnail(image, thumbnail, options.ThumbnailEdge);
            return (new EncodedImage(outType, image.Width, image.Height, true), null);
        }
    }

    /// <summary>
    /// Phone videos carry the place they were shot in user-data ("udta", "meta") boxes inside "moov". Renaming
    /// those boxes to "free" and zeroing their content removes the data without moving a byte, so the sample offsets stay right.
    /// </summary>
    public static void BlankVideoMetadata(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        WalkBoxes(file, 0, file.Length, depth: 0);
    }

    /// <summary>A refusal code when a PDF declares script or launch actions (as plain names; compressed streams are not unpacked).</summary>
    public static string? CheckPdf(string path)
    {
        var bytes = File.ReadAllBytes(path);
        foreach (var name in new[] { "/JavaScript", "/JS", "/Launch", "/RichMedia" })
        {
            var token = Encoding.ASCII.GetBytes(name);
            var span = bytes.AsSpan();
            var at = 0;
            while ((at = span.IndexOf(token)) >= 0)
            {
                var next = at + token.Length;
                if (next >= span.Length || IsPdfDelimiter(span[next]))
                {
                    return "file.pdf_active_content";
                }

                span = span[next..];
            }
        }

        return null;
    }

    private static bool IsPdfDelimiter(byte b) => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0
        or (byte)'/' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'%';

    private static void WalkBoxes(FileStream file, long start, long end, int depth)
    {
        Span<byte> header = stackalloc byte[16];
        var position = start;
        while (position + 8 <= end)
        {
            file.Position = position;
            if (file.Read(header[..8]) < 8)
            {
                return;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.ASCII.GetString(header[4..8]);
            var headerLength = 8;
            if (size == 1)
            {
                if (file.Read(header[8..16]) < 8)
                {
                    return;
                }

                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..16]);
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = end - position;
            }

            if (size < headerLength || position + size > end)
            {
                return;
            }

            if (type is "udta" or "meta")
            {
                file.Position = position + 4;
                file.Write("free"u8);
                Zero(file, position + headerLength, size - headerLength);
            }
            else if (depth < 4 && type is "moov" or "trak" or "mdia" or "minf")
            {
                WalkBoxes(file, position + headerLength, position + size, depth + 1);
            }

            position += size;
        }
    }

    private static void Zero(FileStream file, long from, long length)
    {
        var zeros = new byte[(int)Math.Min(length, 81920)];
        file.Position = from;
        for (var left = length; left > 0; left -= zeros.Length)
        {
            file.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
        }
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var target = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(target);
        var (w, h) = (target.Width, target.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Translate(w, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(w, h);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Translate(0, h);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(w, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(w, h);
                canvas.RotateDegrees(90);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, h);
                canvas.RotateDegrees(270);
                break;
            case SKEncodedOrigin.TopLeft:
                break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return target;
    }

    /// <summary>The bitmap itself if it fits, else a scaled copy (returned in <paramref name="copy"/> to dispose).</summary>
    private static SKBitmap Fit(SKBitmap bitmap, int maxEdge, out SKBitmap? copy)
    {
        copy = null;
        var edge = Math.Max(bitmap.Width, bitmap.Height);
        if (edge <= maxEdge)
        {
            return bitmap;
        }

        var scale = (double)maxEdge / edge;
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(bitmap.Width * scale)), Math.Max(1, (int)Math.Round(bitmap.Height * scale)), bitmap.ColorType, bitmap.AlphaType);
        copy = bitmap.Resize(info, Sampling) ?? throw new InvalidOperationException("SkiaSharp could not resize the image.");
        return copy;
    }

    private static void WriteThumbnail(SKImage image, string path, int edge)
    {
        var scale = Math.Min(1.0, (double)edge / Math.Max(image.Width, image.Height));
        var (w, h) = (Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)));
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));

        // Thumbnails are JPEG: transparent areas of a PNG show as white, not black.
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, w, h), Sampling);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 80);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
