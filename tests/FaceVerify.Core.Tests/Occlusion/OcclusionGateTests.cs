using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using FaceVerify.Core.Occlusion;
using FaceVerify.Core.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Tests.Occlusion;

/// <summary>
/// The second-crop gate (issue 15): the occlusion heads read a crop and embedding of their own only where BlazeFace's
/// points and the 68-point model's disagree. On pictures the heads never trained on, the service's gate must reach
/// the same occlusion decisions as occlusion v3 without it, while sparing the second embedding on bare faces.
/// </summary>
public sealed class OcclusionGateTests(OcclusionPipelineFixture fixture) : IClassFixture<OcclusionPipelineFixture>
{
    [Fact]
    public void The_gate_gives_the_same_decisions_as_always_taking_the_second_crop_on_held_out_faces()
    {
        var services = fixture.Services;
        var gate = services.GetRequiredService<IOptions<OcclusionOptions>>().Value.SecondCropAbove;
        Assert.True(gate > 0, "the service's default is expected to gate the second crop");
        // v3 as trained (key points and a second crop on every face) against the service's defaults (gate and key-point skip).
        var ungated = Scorer(new OcclusionOptions { SecondCropAbove = 0, SkipKeypointsBelow = 0 });
        var gated = Scorer(new OcclusionOptions { SecondCropAbove = gate });
        services.GetRequiredService<PolicyCatalog>().TryGet("default", out var policy);
        var limits = policy.Snapshot;
        string Decisions(OcclusionReading o) => $"{o.Mask > limits.MaxMask}/{o.Sunglasses > limits.MaxSunglasses}/{o.HairOverEyes > limits.MaxHairOverEyes}";

        var files = fixture.HeldOut("occlusion/mask/").Concat(fixture.HeldOut("occlusion/sunglasses/")).Concat(OcclusionPipelineFixture.UnseenLfw(30)).ToList();
        var decoder = services.GetRequiredService<IImageDecoder>();
        var analyzer = services.GetRequiredService<IFaceAnalyzer>();
        var keypoints = services.GetRequiredService<IFaceKeypointDetector>();
        int faces = 0, spared = 0, flagged = 0;
        var differing = new List<string>();
        foreach (var file in files)
        {
            var image = decoder.Decode(File.ReadAllBytes(file), CancellationToken.None).Image!;
            if (analyzer.Analyze(image, AnalysisScope.Snapshot, new StageClock(), CancellationToken.None).Primary is not { } face) continue;
            faces++;
            var always = ungated.Score(image.Image, face.Box, face.Landmarks68, face.Aligned, face.Encoding);
            var behindGate = gated.Score(image.Image, face.Box, face.Landmarks68, face.Aligned, face.Encoding);
            if (Decisions(always) != Decisions(behindGate)) differing.Add($"{Path.GetFileName(file)}: {Decisions(always)} vs {Decisions(behindGate)}");
            if (Decisions(always) != "False/False/False") flagged++;
            if (keypoints.Detect(image.Image, face.Box) is { } points && OcclusionViewReader.Disagreement(points, face.Landmarks5) <= gate) spared++;
        }

        Assert.True(faces >= 50, $"only {faces} faces");
        Assert.True(flagged >= 25, $"only {flagged} covered faces: the set must exercise the heads");
        Assert.True(spared >= 10, $"the gate spared the second embedding on only {spared} of {faces} faces");
        Assert.True(differing.Count == 0, string.Join("; ", differing));
    }

    private LogisticOcclusionScorer Scorer(OcclusionOptions options)
    {
        var services = fixture.Services;
        var wrapped = Options.Create(options);
        return new LogisticOcclusionScorer(services.GetRequiredService<ModelCatalog>(), wrapped,
            new OcclusionViewReader(services.GetRequiredService<IFaceKeypointDetector>(), services.GetRequiredService<IFaceEmbedder>(), wrapped));
    }
}
