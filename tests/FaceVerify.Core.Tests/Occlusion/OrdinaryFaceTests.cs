using FaceVerify.Core.Analysis;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Policy;
using FaceVerify.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Core.Tests.Occlusion;

/// <summary>Ordinary frontal faces of people the heads never saw must not read as covered.</summary>
public sealed class OrdinaryFaceTests(OcclusionPipelineFixture fixture) : IClassFixture<OcclusionPipelineFixture>
{
    [Fact]
    public void Unseen_frontal_LFW_faces_are_rarely_flagged_occluded()
    {
        var (frontal, flagged) = FrontalAndFlagged(OcclusionPipelineFixture.UnseenLfw(80));

        Assert.True(frontal >= 60, $"only {frontal} frontal faces");
        // Cross-validated rate is about 1%; 5% of ~70 faces (3 faces) is the bound this sample can hold.
        Assert.True(flagged.Count <= 0.05 * frontal, $"{flagged.Count} of {frontal} flagged: {string.Join(", ", flagged)}");
    }

    [Fact]
    public void Frontal_faces_of_other_sets_are_flagged_no_more_often_than_the_target_allows()
    {
        // Sets the heads never saw, unlike LFW in kind: frontal MEDS mugshots (booking photos, plain walls) and
        // UTKFace crops (tight, often cut at the chin; some clear glasses). The issue's bound: at most 3 %.
        var mugshots = File.ReadAllLines(SharedData.Path("id_photo/meds_mugshots_openmpf/labels.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(c => c[4] == "frontal")
            .Select(c => SharedData.Path(Path.Combine("id_photo/meds_mugshots_openmpf", c[0])));
        var utkFaces = Directory.GetFiles(SharedData.Path("eyes/utkface_open_faces"), "*.jpg").Order(StringComparer.Ordinal);

        var (frontal, flagged) = FrontalAndFlagged([.. mugshots, .. utkFaces]);

        Assert.True(frontal >= 120, $"only {frontal} frontal faces");
        Assert.True(flagged.Count <= 0.03 * frontal, $"{flagged.Count} of {frontal} flagged: {string.Join(", ", flagged)}");
    }

    /// <summary>How many faces are frontal (|yaw|, |pitch| ≤ 20°), and which of them the default snapshot limits call covered.</summary>
    private (int Frontal, List<string> Flagged) FrontalAndFlagged(IReadOnlyList<string> files)
    {
        var decoder = fixture.Services.GetRequiredService<IImageDecoder>();
        var analyzer = fixture.Services.GetRequiredService<IFaceAnalyzer>();
        fixture.Services.GetRequiredService<PolicyCatalog>().TryGet("default", out var policy);
        var limits = policy.Snapshot;
        var frontal = 0;
        var flagged = new List<string>();
        foreach (var file in files)
        {
            var image = decoder.Decode(File.ReadAllBytes(file), CancellationToken.None).Image!;
            var face = analyzer.Analyze(image, AnalysisScope.Snapshot, new StageClock(), CancellationToken.None).Primary;
            if (face is null || Math.Abs(face.Pose.Yaw) > 20 || Math.Abs(face.Pose.Pitch) > 20) continue;
            frontal++;
            var o = face.Occlusion!;
            if (o.Mask > limits.MaxMask || o.Sunglasses > limits.MaxSunglasses || o.HairOverEyes > limits.MaxHairOverEyes)
                flagged.Add($"{Path.GetFileName(file)} ({o.Mask:0.00}/{o.Sunglasses:0.00}/{o.HairOverEyes:0.00})");
        }
        return (frontal, flagged);
    }
}
