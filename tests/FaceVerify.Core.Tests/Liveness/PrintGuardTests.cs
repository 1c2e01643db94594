using FaceVerify.Core.Liveness;
using FaceVerify.Core.Models;

namespace FaceVerify.Core.Tests.Liveness;

/// <summary>
/// The print guard of the liveness head (docs/liveness.md): on a face that fills the frame the head's margin is capped
/// at fusion v1's flat-print family margin plus the shift, so a tight print the head lets through is still refused
/// when v1's print cues say print; without a guard the head's margin is unchanged.
/// </summary>
public sealed class PrintGuardTests
{
    private static readonly LivenessInputLayout OneInput = new() { Scales = [2.7f], Hidden = false, Cues = false, MissingContext = false };

    private static LivenessHeadWeights Head(double? guard) => new()
    {
        Version = 2,
        Layout = OneInput,
        PrintGuard = guard,
        // Log-odds = the input itself; default threshold 0, strict 1: the margin is input × strictOffset.
        Families = [new AttackFamilyWeights { Name = "attack", Attacks = ["print"], Mean = [0], Scale = [1], Coefficients = [1], Intercept = 0 }],
        HeadThresholds = new() { ["default"] = 0, ["strict"] = 1 },
    };

    [Fact]
    public void A_face_the_head_passes_is_refused_when_v1s_print_cues_fall_below_the_guard()
    {
        var guarded = Head(2);
        Assert.Equal(1.5, guarded.HeadMargin([1.5], strictOffset: 1, flatPrintMargin: 3), 9);    // v1 says live: the head decides
        Assert.Equal(-1.0, guarded.HeadMargin([1.5], strictOffset: 1, flatPrintMargin: -3), 9);  // v1 says print (below -2): refused
        Assert.Equal(-0.5, guarded.HeadMargin([-0.5], strictOffset: 1, flatPrintMargin: 3), 9);  // the head refuses: the guard cannot vouch
    }

    [Fact]
    public void Without_a_guard_v1s_print_cues_move_nothing()
    {
        var head = Head(null);
        Assert.Equal(head.HeadMargin([1.5], 1), head.HeadMargin([1.5], 1, flatPrintMargin: -10), 9);
        Assert.DoesNotContain("printGuard", head.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_guard_needs_the_context_crop_that_v1_reads()
    {
        var json = System.Text.Encoding.UTF8.GetBytes((Head(2) with { Layout = OneInput with { Scales = [1.4f] } }).ToJson());
        Assert.Throws<InvalidDataException>(() => LivenessHeadWeights.Parse(json));
    }

    [Fact]
    public void The_shipped_head_is_pinned_and_carries_the_guard_with_v1s_flat_print_family()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "models");
        var entry = ModelManifest.Load(Path.Combine(folder, "manifest.json")).Trained.Single(t => t.Id == LivenessHeadWeights.ManifestId);
        var head = LivenessHeadWeights.Parse(ModelCatalog.ReadVerified(Path.Combine(folder, entry.File), entry.Sha256));
        Assert.Equal(2, head.PrintGuard);
        var v1Entry = ModelManifest.Load(Path.Combine(folder, "manifest.json")).Trained.Single(t => t.Id == LivenessFusionWeights.ManifestId);
        var v1 = LivenessFusionWeights.Parse(ModelCatalog.ReadVerified(Path.Combine(folder, v1Entry.File), v1Entry.Sha256));
        Assert.Contains(v1.Families, f => f.Name == LivenessHeadWeights.FlatPrintFamily);
    }
}
