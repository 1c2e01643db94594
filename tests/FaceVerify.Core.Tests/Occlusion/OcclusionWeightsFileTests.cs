using FaceVerify.Core.Models;

namespace FaceVerify.Core.Tests.Occlusion;

public sealed class OcclusionWeightsFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fv-weights-").FullName;
    private static string ModelsFolder => Path.Combine(AppContext.BaseDirectory, "models");
    private static TrainedWeightsEntry Entry =>
        ModelManifest.Load(Path.Combine(ModelsFolder, "manifest.json")).Trained.Single(t => t.Id == "occlusion");

    [Fact]
    public void A_weights_file_whose_hash_differs_from_the_manifest_is_refused_by_name()
    {
        var weights = File.ReadAllText(Path.Combine(ModelsFolder, Entry.File));
        var tampered = Path.Combine(_root, Path.GetFileName(Entry.File));
        File.WriteAllText(tampered, weights.Replace("\"bias\":", "\"bias\": "));

        var error = Assert.Throws<ModelFileException>(() => ModelCatalog.ReadVerified(tampered, Entry.Sha256));
        Assert.Contains("occlusion-v3.json", error.Message);
        Assert.Contains("refusing", error.Message);
    }

    [Fact]
    public void The_shipped_weights_match_the_manifest() =>
        Assert.Contains("\"mask\"", System.Text.Encoding.UTF8.GetString(ModelCatalog.ReadVerified(Path.Combine(ModelsFolder, Entry.File), Entry.Sha256)));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
