using FaceVerify.Cli.Evaluation;

namespace FaceVerify.Cli.Tests.Matching;

/// <summary>The per-group figures sort the impostor scores once; the thresholds must be those of a fresh sort per FAR.</summary>
public sealed class SortedThresholdTests
{
    // Unsorted scores with ties and the −∞ of missing faces, as GroupedScores produces them.
    private static List<double> Scores(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.Next(10) == 0 ? double.NegativeInfinity : Math.Round(random.NextDouble() * 2 - 1, 3)).ToList();
    }

    [Theory]
    [InlineData(1, 5000)]
    [InlineData(2, 999)]
    [InlineData(3, 7)]
    [InlineData(4, 0)]
    public void Sorting_once_gives_the_thresholds_of_a_sort_per_far(int seed, int count)
    {
        var impostors = Scores(seed, count);
        var sorted = impostors.OrderByDescending(s => s).ToArray();
        foreach (var far in new[] { 0.1, 0.01, 0.001, 0.0001, 1.0 })
            Assert.Equal(RocMath.ThresholdAtFar(impostors, far), RocMath.ThresholdAtFarSorted(sorted, far));
    }

    [Fact]
    public void Group_figure_points_equal_those_from_unsorted_scores()
    {
        var scores = new GroupScores();
        scores.Impostors.AddRange(Scores(5, 20000));
        scores.Genuine.AddRange(Scores(6, 300).Select(s => s + 0.5));
        double[] fars = [0.01, 0.001, 0.0001];

        var figure = scores.Figure("g", threshold: 0.45, fars);

        var expected = fars.Select(far => RocMath.ThresholdAtFar(scores.Impostors, far)).ToList();
        Assert.Equal(expected.Select(t => Math.Round(t, 4)), figure.Points.Select(p => p.Threshold));
        Assert.Equal(expected.Select(t => Math.Round(RocMath.AcceptRate(scores.Genuine, t), 4)), figure.Points.Select(p => p.Tar));
        Assert.Contains(figure.Points, p => p.Tar > 0 && p.Tar < 1);  // the comparison is not between trivial figures
    }
}
