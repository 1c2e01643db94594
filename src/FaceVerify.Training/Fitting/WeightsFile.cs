using System.Text;
using System.Text.RegularExpressions;
using FaceVerify.Contracts;

namespace FaceVerify.Cli.Training;

/// <summary>
/// The one place trained weights reach disk. The policies read their occlusion and liveness thresholds from these
/// files (Core/Policy/TrainedOperatingPoints), so weights and the thresholds chosen with them are written together.
/// </summary>
internal static class WeightsFile
{
    /// <summary>Writes the JSON as UTF-8 (no BOM) and returns the sha256 of exactly the bytes written.</summary>
    public static async Task<string> WriteAsync(string path, string json, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var bytes = Encoding.UTF8.GetBytes(json);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return Sha256Hex.Of(bytes);
    }

    /// <summary>Rewrites only the sha256 of the manifest entry for the file, so the rest of the manifest keeps its layout.</summary>
    public static bool PinInManifest(string manifestPath, string relativeFile, string sha)
    {
        if (!File.Exists(manifestPath)) return false;
        var text = File.ReadAllText(manifestPath);
        var entry = new Regex("(\"file\"\\s*:\\s*\"" + Regex.Escape(relativeFile) + "\"[^}]*?\"sha256\"\\s*:\\s*\")[0-9a-f]*(\")");
        if (!entry.IsMatch(text)) return false;
        File.WriteAllText(manifestPath, entry.Replace(text, "${1}" + sha + "${2}", 1));
        return true;
    }
}
