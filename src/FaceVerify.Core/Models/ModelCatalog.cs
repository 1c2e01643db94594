using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Models;

/// <summary>Finds the model folder and hands out model files only after their sha256 matches the manifest.</summary>
public sealed class ModelCatalog
{
    private readonly ModelManifest _manifest;
    private readonly string _directory;

    public ModelCatalog(IOptions<ModelOptions> options)
    {
        var manifestPath = Path.Combine(AppContext.BaseDirectory, "models", "manifest.json");
        if (!File.Exists(manifestPath)) throw new ModelFileException($"model manifest not found at {manifestPath}");
        _manifest = ModelManifest.Load(manifestPath);
        _directory = ResolveDirectory(options.Value.Directory);
    }

    public string ModelSet => _manifest.ModelSet;
    public string Directory => _directory;

    /// <summary>The verified path of a model; throws <see cref="ModelFileException"/> naming the file otherwise.</summary>
    public string VerifiedPath(string modelId)
    {
        var entry = _manifest.Models.FirstOrDefault(m => m.Id == modelId)
            ?? throw new ModelFileException($"model '{modelId}' is not in the manifest");
        var path = Path.Combine(_directory, entry.File);
        if (!File.Exists(path))
            throw new ModelFileException($"model file {path} is missing: run models/fetch-models.sh");
        using var stream = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (!string.Equals(actual, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelFileException($"model file {entry.File} has sha256 {actual}, but the manifest pins {entry.Sha256}: refusing to load it");
        return path;
    }

    private static string ResolveDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var fromEnv = Environment.GetEnvironmentVariable("FACEVERIFY_MODELS_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", "onnx");
                if (System.IO.Directory.Exists(candidate)) return candidate;
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "models", "onnx");
    }
}
