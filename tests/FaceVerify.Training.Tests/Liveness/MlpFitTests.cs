using FaceVerify.Cli.Liveness;

namespace FaceVerify.Cli.Tests.Liveness;

/// <summary>The small network head measured for issue 13: reproducible from its seed, and able to learn what one logistic layer cannot.</summary>
public sealed class MlpFitTests
{
    /// <summary>Live when both inputs share a sign (XOR of signs): no single linear boundary separates it.</summary>
    private static (List<double[]> X, (double? Target, double Weight)[] Family, int[] Groups) Xor()
    {
        var random = new Random(7);
        var x = new List<double[]>();
        var family = new List<(double?, double)>();
        for (var i = 0; i < 200; i++)
        {
            double a = random.NextDouble() * 2 - 1, b = random.NextDouble() * 2 - 1;
            x.Add([a, b]);
            family.Add((a * b > 0 ? 1 : 0, 1));
        }
        return (x, [.. family], x.Select(r => r[0] * r[1] > 0 ? 0 : 1).ToArray());
    }

    [Fact]
    public void The_same_data_and_seed_give_the_same_weights()
    {
        var (x, family, groups) = Xor();
        var options = new MlpOptions(Epochs: 40, InputNoise: 0.1, GroupDro: 0.05);
        var first = MlpFit.Fit(x, [family], groups, options, seed: 11);
        var second = MlpFit.Fit(x, [family], groups, options, seed: 11);
        Assert.Equal(first.W1.SelectMany(r => r), second.W1.SelectMany(r => r));
        Assert.Equal(first.W2.SelectMany(r => r), second.W2.SelectMany(r => r));
        Assert.Equal(first.B2, second.B2);
        var other = MlpFit.Fit(x, [family], groups, options, seed: 12);
        Assert.NotEqual(first.W1.SelectMany(r => r), other.W1.SelectMany(r => r));
    }

    [Fact]
    public void A_hidden_layer_separates_what_a_line_cannot()
    {
        var (x, family, groups) = Xor();
        var model = MlpFit.Fit(x, [family], groups, new MlpOptions(Hidden: 16, Dropout: 0, WeightDecay: 1e-4, Epochs: 400, LearningRate: 0.03), seed: 3);
        var correct = x.Where((r, i) => model.Logit(r) > 0 == (family[i].Target == 1)).Count();
        // A linear boundary gets about half of XOR right; the network must get nearly all of it.
        Assert.True(correct >= 180, $"{correct} of 200 right");
    }
}
