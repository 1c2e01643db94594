namespace FaceVerify.Cli;

/// <summary>Reads input files with a size cap so a huge file is refused, not loaded.</summary>
internal static class InputFiles
{
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The file's bytes, or null with a reason when it is missing, unreadable or too large.</summary>
    public static async Task<(byte[]? Bytes, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return (null, $"{path}: no such file");
            if (info.Length > MaxBytes) return (null, $"{path}: {info.Length} bytes, over the {MaxBytes}-byte limit");
            return (await File.ReadAllBytesAsync(path, cancellationToken), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: {ex.Message}");
        }
    }
}
