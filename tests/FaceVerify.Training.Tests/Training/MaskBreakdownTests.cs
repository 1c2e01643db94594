using FaceVerify.Cli.Training;

namespace FaceVerify.Cli.Tests.Training;

public sealed class MaskBreakdownTests
{
    private static AttributeSample Sample(string source, bool? mask) => new("/data/x.jpg", source, "g", mask, null, false, false);

    [Fact]
    public void Each_part_counts_only_its_own_pictures_and_faceless_masks_count_as_missed()
    {
        (AttributeSample, double)[] scored =
        [
            (Sample("mask", true), 0.9), (Sample("mask", true), 0.8), (Sample("mask", true), 0.2),
            (Sample("no_mask", false), 0.1), (Sample("no_mask", false), 0.7),
            (Sample("sunglasses", false), 0.95), (Sample("sunglasses", false), 0.96),
            (Sample("lfw", false), 0.05), (Sample("yale", null), 0.99),
        ];

        var parts = MaskBreakdown.Of(scored, maskedWithoutFace: 2, threshold: 0.5);

        Assert.Equal(3, parts.Count);
        var own = parts[0].Figures;
        Assert.Equal((3, 2, 2, 1), (own.Positives, own.Negatives, own.TruePositives, own.FalsePositives));
        var noSelfies = parts[1].Figures;
        Assert.Equal((3, 3, 2, 1), (noSelfies.Positives, noSelfies.Negatives, noSelfies.TruePositives, noSelfies.FalsePositives));
        var all = parts[2].Figures;
        Assert.Equal((5, 5, 2, 3), (all.Positives, all.Negatives, all.TruePositives, all.FalsePositives));
        Assert.Equal(0.4, all.Recall, 6);
        Assert.Contains("2 masked pictures", parts[2].Name);
    }
}
