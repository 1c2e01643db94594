using Microsoft.Extensions.Options;
using FaceVerify.Contracts;

namespace FaceVerify.Core.Models;

/// <summary>Finds the model folder and hands out model files only after their sha256 matches the manifest.</summary>
public sealed class ModelCatalog
{
    private readonly ModelManifest _manifest;
    private readonly string _directory;
    private readonly string _manifestDirectory;

    public ModelCatalog(IOptions<ModelOptions> options)
    {
        var manifestPath = Path.Combine(AppContext.BaseDirectory, "models", "manifest.json");
        if (!File.Exists(manifestPath)) throw new ModelFileException($"model manifest not found at {manifestPath}");
        _manifest = ModelManifest.Load(manifestPath);
        _manifestDirectory = Path.GetDirectoryName(manifestPath)!;
        _directory = ResolveDirectory(options.Value.Directory);
    }

    public string ModelSet => _manifest.ModelSet;
    public string Directory => _directory;

    /// <summary>The bytes of a model, read once and hashed: the session is built from exactly what was checked.</summary>
    public byte[] VerifiedModelBytes(string modelId)
    {
        var entry = _manifest.Models.FirstOrDefault(m => m.Id == modelId)
            ?? throw new ModelFileException($"model '{modelId}' is not in the manifest");
        var path = Path.Combine(_directory, entry.File);
        if (!File.Exists(path))
            throw new ModelFileException($"model file {path} is missing: run models/fetch-models.sh");
        return ReadVerified(path, entry.Sha256);
    }

    /// <summary>The bytes of one of our trained weights files (models/… beside the manifest), after their sha256 matches.</summary>
    public byte[] VerifiedTrainedBytes(string id)
    {
        var entry = _manifest.Trained.FirstOrDefault(m => m.Id == id)
            ?? throw new ModelFileException($"trained weights '{id}' are not in the manifest");
        return ReadVerified(Path.Combine(_manifestDirectory, entry.File), entry.Sha256);
    }

    /// <summary>Reads a file and refuses it, naming it, unless its sha256 is the pinned one.</summary>
    public static byte[] ReadVerified(string path, string sha256)
    {
        if (!File.Exists(path)) throw new ModelFileException($"weights file {path} is missing");
        var bytes = File.ReadAllBytes(path);
        RequireHash(path, sha256, Sha256Hex.Of(bytes));
        return bytes;
    }

    private static void RequireHash(string path, string pinned, string actual)
    {
        if (!string.Equals(actual, pinned, StringComparison.OrdinalIgnoreCase))
            throw new ModelFileException($"model file {Path.GetFileName(path)} has sha256 {actual}, but the manifest pins {pinned}: refusing to load it");
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
