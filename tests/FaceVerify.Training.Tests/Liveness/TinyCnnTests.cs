using FaceVerify.Cli.Liveness;

namespace FaceVerify.Cli.Tests.Liveness;

/// <summary>The CNN measured for issue 13's option (b): its backward pass learns a spatial pattern, and its seed fixes its weights.</summary>
public sealed class TinyCnnTests
{
    private const int Plane = LivenessCropCache.Side * LivenessCropCache.Side;

    /// <summary>"Live" pictures carry a bright 6×6 patch somewhere in the first plane; the others are noise only.</summary>
    private static (List<double[]> X, (double? Target, double Weight)[] Family) Patches(int count)
    {
        var random = new Random(17);
        var x = new List<double[]>();
        var family = new List<(double?, double)>();
        for (var i = 0; i < count; i++)
        {
            var live = i % 2 == 0;
            var planes = Enumerable.Range(0, LivenessCropCache.Channels * Plane).Select(_ => random.NextDouble() * 0.2 - 0.1).ToArray();
            if (live)
            {
                int px = random.Next(0, LivenessCropCache.Side - 6), py = random.Next(0, LivenessCropCache.Side - 6);
                for (var y = py; y < py + 6; y++)
                    for (var c = px; c < px + 6; c++) planes[y * LivenessCropCache.Side + c] += 0.4;
            }
            x.Add(planes);
            family.Add((live ? 1 : 0, 1));
        }
        return (x, [.. family]);
    }

    [Fact]
    public void It_learns_a_pattern_wherever_it_sits()
    {
        var (x, family) = Patches(120);
        var net = TinyCnn.Fit(x, [family], new CnnOptions(Epochs: 15, Augment: false, LearningRate: 0.01), seed: 1);
        var (test, truth) = Patches(60);
        var correct = test.Where((r, i) => net.Logit(r) > 0 == (truth[i].Target == 1)).Count();
        Assert.True(correct >= 54, $"{correct} of 60 right");
    }

    [Fact]
    public void The_same_data_and_seed_give_the_same_network()
    {
        var (x, family) = Patches(20);
        var options = new CnnOptions(Epochs: 2, Batch: 8);
        var a = TinyCnn.Fit(x, [family], options, seed: 4);
        var b = TinyCnn.Fit(x, [family], options, seed: 4);
        Assert.All(x, r => Assert.Equal(a.Logit(r), b.Logit(r)));
    }
}
