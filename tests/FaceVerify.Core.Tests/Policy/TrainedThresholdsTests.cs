using FaceVerify.Core.Policy;
using FaceVerify.Core.Tests.Liveness;

namespace FaceVerify.Core.Tests.Policy;

/// <summary>
/// The built-in policies read their occlusion and liveness thresholds from the weights files they were chosen with;
/// these are policy version 4's values, unchanged in 5 and 6 (liveness v2 reads margins: 0.5, and fusion v1's
/// strict 0.5714 over its default 0.3131). A retrained weights file that moves them must raise the policy version.
/// </summary>
public sealed class TrainedThresholdsTests(LivenessServices services) : IClassFixture<LivenessServices>
{
    [Fact]
    public void Policy_version_4_to_6_thresholds_come_from_the_shipped_weights_files()
    {
        var catalog = services.Get<PolicyCatalog>();
        Assert.True(catalog.TryGet("default", out var d));
        Assert.True(catalog.TryGet("strict", out var s));

        Assert.Equal(7, d.Version);
        Assert.Equal((0.5424, 0.5855, 0.623), (d.IdPhoto.MaxMask, d.IdPhoto.MaxSunglasses, d.IdPhoto.MaxHairOverEyes));
        Assert.Equal((0.5424, 0.5855, 0.623), (d.Snapshot.MaxMask, d.Snapshot.MaxSunglasses, d.Snapshot.MaxHairOverEyes));
        Assert.Equal((0.5424, 0.5855, 0.623), (s.Snapshot.MaxMask, s.Snapshot.MaxSunglasses, s.Snapshot.MaxHairOverEyes));
        Assert.Equal(0.5, d.LivenessThreshold);
        Assert.Equal(0.7452, s.LivenessThreshold);
    }
}
