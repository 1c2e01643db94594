using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using FaceVerify.Core.Occlusion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Tests.Occlusion;

/// <summary>
/// The key-point skip (issue 15): a face every head reads as bare on the identity crop never reaches the key-point
/// model; a face with any head at or above the level does, exactly as without the skip.
/// </summary>
public sealed class KeypointSkipTests(OcclusionPipelineFixture fixture) : IClassFixture<OcclusionPipelineFixture>
{
    private sealed class CountingKeypoints(IFaceKeypointDetector inner) : IFaceKeypointDetector
    {
        public int Calls { get; private set; }

        public FaceKeypoints? Detect(RgbImage image, FaceBox box)
        {
            Calls++;
            return inner.Detect(image, box);
        }
    }

    [Fact]
    public void A_face_below_the_level_skips_the_key_points_and_one_at_it_does_not()
    {
        var (image, face) = FirstFace(OcclusionPipelineFixture.UnseenLfw(1)[0]);
        var (always, _) = Scorer(0);
        var reading = always.Score(image, face.Box, face.Landmarks68, face.Aligned, face.Encoding);
        var identity = fixture.Model.Score(OcclusionFeatures.Compute(face.Aligned, face.Encoding, face.Landmarks68, face.Box));
        var highest = Math.Max(identity.Mask, Math.Max(identity.Sunglasses, identity.HairOverEyes));

        var (skipping, skipCounter) = Scorer(Math.BitIncrement(highest));
        Assert.Equal(identity, skipping.Score(image, face.Box, face.Landmarks68, face.Aligned, face.Encoding));
        Assert.Equal(0, skipCounter.Calls);

        var (running, runCounter) = Scorer(highest);
        Assert.Equal(reading, running.Score(image, face.Box, face.Landmarks68, face.Aligned, face.Encoding));
        Assert.Equal(1, runCounter.Calls);
    }

    [Fact]
    public void A_masked_face_reaches_the_key_points_at_the_default_level()
    {
        var level = fixture.Services.GetRequiredService<IOptions<OcclusionOptions>>().Value.SkipKeypointsBelow;
        Assert.True(level > 0, "the service's default is expected to skip the key points on clearly bare faces");
        var (image, face) = FirstFace(fixture.HeldOut("occlusion/mask/").First(f => f.Contains("with_mask", StringComparison.Ordinal)));
        var (scorer, counter) = Scorer(level);
        var reading = scorer.Score(image, face.Box, face.Landmarks68, face.Aligned, face.Encoding);
        Assert.Equal(1, counter.Calls);
        Assert.True(reading.Mask > 0.5, $"mask {reading.Mask}");
    }

    private (RgbImage Image, FaceReading Face) FirstFace(string file)
    {
        var decoded = fixture.Services.GetRequiredService<IImageDecoder>().Decode(File.ReadAllBytes(file), CancellationToken.None).Image!;
        var face = fixture.Services.GetRequiredService<IFaceAnalyzer>().Analyze(decoded, AnalysisScope.Snapshot, new StageClock(), CancellationToken.None).Primary;
        Assert.NotNull(face);
        return (decoded.Image, face);
    }

    private (LogisticOcclusionScorer Scorer, CountingKeypoints Counter) Scorer(double skipBelow)
    {
        var services = fixture.Services;
        var options = Options.Create(services.GetRequiredService<IOptions<OcclusionOptions>>().Value with { SkipKeypointsBelow = skipBelow });
        var counter = new CountingKeypoints(services.GetRequiredService<IFaceKeypointDetector>());
        return (new LogisticOcclusionScorer(services.GetRequiredService<ModelCatalog>(), options,
            new OcclusionViewReader(counter, services.GetRequiredService<IFaceEmbedder>(), options)), counter);
    }
}
