using FaceVerify.Core.Models;

namespace FaceVerify.Core.Tests.Occlusion;

public sealed class OcclusionWeightsFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fv-weights-").FullName;

    [Fact]
    public void A_weights_file_whose_hash_differs_from_the_manifest_is_refused_by_name()
    {
        File.Copy(Path.Combine(TrainedWeightsFile.ModelsRoot, "manifest.json"), Path.Combine(_root, "manifest.json"));
        Directory.CreateDirectory(Path.Combine(_root, "attributes"));
        var weights = File.ReadAllText(Path.Combine(TrainedWeightsFile.ModelsRoot, "attributes", "occlusion-v2.json"));
        File.WriteAllText(Path.Combine(_root, "attributes", "occlusion-v2.json"), weights.Replace("\"bias\":", "\"bias\": "));

        var error = Assert.Throws<ModelFileException>(() => TrainedWeightsFile.ReadVerified("occlusion", _root));
        Assert.Contains("occlusion-v2.json", error.Message);
        Assert.Contains("refusing", error.Message);
    }

    [Fact]
    public void The_shipped_weights_match_the_manifest() =>
        Assert.Contains("\"mask\"", TrainedWeightsFile.ReadVerified("occlusion"));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
