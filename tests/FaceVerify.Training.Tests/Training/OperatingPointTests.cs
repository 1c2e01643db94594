using FaceVerify.Cli.Training;

namespace FaceVerify.Cli.Tests.Training;

public sealed class OperatingPointTests
{
    // F1 is best (0.90: 9 of 10 found, 1 false alarm) from 0.48 to 0.55; the tenth positive, at 0.45 below two
    // negatives, is found only from 0.40 down, at F1 0.87 (10 found, 3 false alarms).
    private static readonly (double, bool)[] Scored =
    [
        (0.45, true), (0.55, true), (0.6, true), (0.65, true), (0.7, true), (0.75, true), (0.8, true), (0.85, true), (0.9, true), (0.95, true),
        (0.05, false), (0.1, false), (0.2, false), (0.3, false), (0.4, false), (0.46, false), (0.48, false), (0.58, false),
    ];

    [Fact]
    public void Without_tolerance_the_best_f1_is_taken()
    {
        var t = OperatingPoint.Choose(Scored, [0.1, 0.2], maxOrdinaryRate: 0.01);
        var figures = AttributeFigures.At("x", t, Scored, []);
        Assert.InRange(t, 0.48, 0.55);
        Assert.Equal((9, 1), (figures.TruePositives, figures.FalsePositives));
    }

    [Fact]
    public void A_tolerance_takes_the_lowest_threshold_within_it_and_gains_recall()
    {
        var t = OperatingPoint.Choose(Scored, [0.1, 0.2], maxOrdinaryRate: 0.01, f1Tolerance: 0.05);
        var figures = AttributeFigures.At("x", t, Scored, []);
        Assert.InRange(t, 0.40, 0.45);
        Assert.Equal((10, 3), (figures.TruePositives, figures.FalsePositives));
    }

    [Fact]
    public void The_ordinary_faces_limit_still_binds()
    {
        // Ordinary faces scoring 0.5: no threshold below 0.5 is allowed whatever the tolerance.
        var t = OperatingPoint.Choose(Scored, [0.5, 0.5, 0.1], maxOrdinaryRate: 0.01, f1Tolerance: 0.5);
        Assert.True(t >= 0.5, $"threshold {t}");
    }
}
