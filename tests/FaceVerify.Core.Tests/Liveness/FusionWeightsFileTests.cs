using FaceVerify.Core.Liveness;
using FaceVerify.Core.Models;

namespace FaceVerify.Core.Tests.Liveness;

/// <summary>The fusion weights are ours and small; the manifest pins their sha256 and a changed file must be refused.</summary>
public sealed class FusionWeightsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fv-weights-").FullName;
    private static string ModelsFolder => Path.Combine(AppContext.BaseDirectory, "models");
    private static TrainedWeightsEntry Entry =>
        ModelManifest.Load(Path.Combine(ModelsFolder, "manifest.json")).Trained.Single(t => t.Id == LivenessFusionWeights.ManifestId);

    [Fact]
    public void The_shipped_file_matches_its_pinned_hash_and_parses()
    {
        var bytes = ModelCatalog.ReadVerified(Path.Combine(ModelsFolder, Entry.File), Entry.Sha256);
        var weights = LivenessFusionWeights.Parse(bytes);
        Assert.Equal(LivenessFeatures.Names, weights.Features);
        Assert.True(bytes.Length < 1_000_000);
        Assert.NotEmpty(Entry.TrainingCommand);
    }

    [Fact]
    public void A_tampered_file_is_refused_naming_it()
    {
        var text = File.ReadAllText(Path.Combine(ModelsFolder, Entry.File));
        // One coefficient nudged: still valid JSON, still the right shape, but not the trained file.
        var tampered = Path.Combine(_folder, "fusion-v1.json");
        var at = text.IndexOf("\"intercept\": ", StringComparison.Ordinal) + "\"intercept\": ".Length;
        File.WriteAllText(tampered, text[..at] + "9" + text[at..]);
        LivenessFusionWeights.Parse(File.ReadAllBytes(tampered));

        var error = Assert.Throws<ModelFileException>(() => ModelCatalog.ReadVerified(tampered, Entry.Sha256));
        Assert.Contains("fusion-v1.json", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
