namespace FaceVerify.Worker.Images;

/// <summary>Reads a stream up to a cap and stops there, so a hostile body never fills the memory.</summary>
internal static class BoundedReader
{
    /// <returns>The bytes, or null as soon as more than <paramref name="maxBytes"/> arrive.</returns>
    public static async Task<byte[]?> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
