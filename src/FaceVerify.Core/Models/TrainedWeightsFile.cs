using System.Security.Cryptography;
using System.Text.Json;

namespace FaceVerify.Core.Models;

/// <summary>
/// Our own trained weights (small JSON files under models/), listed in models/manifest.json's
/// <c>trained</c> array with their sha256, the command and the data that produced them. Like the ONNX
/// models, a file whose hash differs from the manifest is refused: the service must not run on weights nobody measured.
/// </summary>
public static class TrainedWeightsFile
{
    public static string ModelsRoot => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>The verified contents of the weights file with that id; throws <see cref="ModelFileException"/> naming the file otherwise.</summary>
    public static string ReadVerified(string id, string? modelsRoot = null)
    {
        var root = modelsRoot ?? ModelsRoot;
        var manifestPath = Path.Combine(root, "manifest.json");
        if (!File.Exists(manifestPath)) throw new ModelFileException($"model manifest not found at {manifestPath}");
        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        if (!manifest.RootElement.TryGetProperty("trained", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new ModelFileException($"{manifestPath} lists no trained weights (needed: '{id}')");
        var entry = list.EnumerateArray().FirstOrDefault(e => e.TryGetProperty("id", out var v) && v.GetString() == id);
        if (entry.ValueKind != JsonValueKind.Object) throw new ModelFileException($"trained weights '{id}' are not in {manifestPath}");
        var file = entry.GetProperty("file").GetString()!;
        var pinned = entry.GetProperty("sha256").GetString()!;
        var path = Path.Combine(root, file);
        if (!File.Exists(path)) throw new ModelFileException($"trained weights file {path} is missing");
        var bytes = File.ReadAllBytes(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, pinned, StringComparison.OrdinalIgnoreCase))
            throw new ModelFileException($"trained weights file {file} has sha256 {actual}, but the manifest pins {pinned}: refusing to load it");
        return System.Text.Encoding.UTF8.GetString(bytes);
    }
}
