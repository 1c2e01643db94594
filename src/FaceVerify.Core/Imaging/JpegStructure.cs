namespace FaceVerify.Core.Imaging;

/// <summary>Structural checks ImageSharp does not make: it fills a truncated JPEG with grey instead of failing.</summary>
internal static class JpegStructure
{
    /// <summary>True when an end-of-image marker follows the first start-of-scan marker.</summary>
    /// <remarks>EXIF thumbnails carry their own end marker before the main scan, so only one after SOS counts.</remarks>
    public static bool HasEndAfterScan(ReadOnlySpan<byte> data)
    {
        var sos = data.IndexOf([(byte)0xFF, (byte)0xDA]);
        if (sos < 0) return false;
        return data[(sos + 2)..].IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
    }
}
