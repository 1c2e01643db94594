namespace FaceVerify.Core.Models;

/// <summary>
/// Our own trained weights (small JSON files under models/), listed in models/manifest.json's <c>trained</c>
/// array. Reads the same manifest entries and applies the same hash check as <see cref="ModelCatalog"/>, for
/// callers that hold no catalog (a scorer built from options, a test with its own models folder).
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
        var entry = ModelManifest.Load(manifestPath).Trained.FirstOrDefault(t => t.Id == id)
            ?? throw new ModelFileException($"trained weights '{id}' are not in {manifestPath}");
        return System.Text.Encoding.UTF8.GetString(ModelCatalog.ReadVerified(Path.Combine(root, entry.File), entry.Sha256));
    }
}
