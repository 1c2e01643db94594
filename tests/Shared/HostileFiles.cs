using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceVerify.Tests;

/// <summary>One hostile upload, named .jpg as an attacker or a careless client would, and the code it must get.</summary>
public sealed record HostileFile(string Name, byte[] Bytes, string ExpectedCode)
{
    public override string ToString() => Name;
}

/// <summary>
/// Files that must never crash the service or eat its memory: empty, truncated, not an image, another format
/// named .jpg, headers announcing gigapixels, a real JPEG with garbage in its scan. Built in memory from one
/// real face picture; each is deterministic.
/// </summary>
public static class HostileFiles
{
    public const string Unreadable = "photo.unreadable";
    public const string NotJpeg = "photo.not_jpeg";
    public const string TooLarge = "input.too_large";

    /// <summary>A real 250×250 baseline JPEG face.</summary>
    public static string RealJpegPath => SharedData.Path("identity/lfw/images/Abel_Pacheco/Abel_Pacheco_0001.jpg");

    /// <summary>Built once: the WebP and GIF encodes are the slow part.</summary>
    public static IReadOnlyList<HostileFile> All() => Built.Value;

    private static readonly Lazy<IReadOnlyList<HostileFile>> Built = new(Build);

    private static IReadOnlyList<HostileFile> Build()
    {
        var jpeg = File.ReadAllBytes(RealJpegPath);
        return
        [
            new("empty", [], Unreadable),
            new("truncated-jpeg", jpeg[..(jpeg.Length / 2)], Unreadable),
            new("random-bytes", RandomBytes(64 * 1024, seed: 20261126), Unreadable),
            new("text", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("This is not a picture of anybody.\n", 60))), Unreadable),
            new("webp-named-jpg", Reencode(jpeg, new WebpEncoder { Quality = 90 }), NotJpeg),
            new("gif-named-jpg", Reencode(jpeg, new GifEncoder()), NotJpeg),
            new("png-30000x30000", PngHeaderOnly(30_000, 30_000), TooLarge),
            new("jpeg-sof-65000x65000", WithFrameSize(jpeg, 65_000, 65_000), TooLarge),
            new("jpeg-corrupt-scan", WithCorruptScan(jpeg), Unreadable),
        ];
    }

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Reencode(byte[] jpeg, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var image = Image.Load<Rgb24>(jpeg);
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }

    /// <summary>A PNG whose IHDR (valid CRC) announces width×height RGB, then a tiny IDAT and IEND: a decompression bomb's header.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;  // bits per channel
        ihdr[9] = 2;  // colour type RGB; compression, filter, interlace 0
        Chunk(stream, "IHDR", ihdr);
        Chunk(stream, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);  // zlib of one zero byte
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>The real JPEG with its SOF frame header rewritten to announce width×height.</summary>
    public static byte[] WithFrameSize(byte[] jpeg, int width, int height)
    {
        var copy = (byte[])jpeg.Clone();
        var sof = FindMarker(copy, m => m is >= 0xC0 and <= 0xC2);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(sof + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(sof + 7), (ushort)width);
        return copy;
    }

    /// <summary>The real JPEG with a run of random bytes written over the middle of its entropy-coded scan.</summary>
    public static byte[] WithCorruptScan(byte[] jpeg)
    {
        var copy = (byte[])jpeg.Clone();
        var sos = FindMarker(copy, m => m == 0xDA);
        var scanStart = sos + 2 + BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(sos + 2));
        var middle = scanStart + (copy.Length - 2 - scanStart) / 2;
        RandomBytes(512, seed: 7).CopyTo(copy, middle - 256);
        return copy;
    }

    private static int FindMarker(byte[] jpeg, Func<byte, bool> isWanted)
    {
        var i = 2;
        while (i + 4 < jpeg.Length && jpeg[i] == 0xFF)
        {
            if (isWanted(jpeg[i + 1])) return i;
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }
        throw new InvalidDataException("marker not found in the JPEG header");
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        stream.Write(word);
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, reflected, polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
