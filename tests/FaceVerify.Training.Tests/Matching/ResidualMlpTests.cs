using FaceVerify.Cli.Training;
using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Tests.Matching;

public sealed class ResidualMlpTests
{
    private static List<(float[] Vector, string Identity, string Group)> ToySet()
    {
        // Four people in 8 dimensions, three pictures each; people 0 and 1 look alike (close centres).
        var random = new Random(7);
        float[][] centres = [[1, 0, 0, 0, 0, 0, 0, 0], [0.9f, 0.45f, 0, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 0, 0, 0]];
        var samples = new List<(float[], string, string)>();
        for (var p = 0; p < centres.Length; p++)
            for (var n = 0; n < 3; n++)
                samples.Add((Similarity.Normalise(centres[p].Select(c => c + (float)(random.NextDouble() - 0.5) * 0.6f).ToArray()), $"p{p}", "g"));
        return samples;
    }

    private static double Gap(IReadOnlyList<(float[] Vector, string Identity, string Group)> set, Func<float[], float[]> map)
    {
        double worstGenuine = 1, worstImpostor = -1;
        for (var i = 0; i < set.Count; i++)
            for (var j = i + 1; j < set.Count; j++)
            {
                var c = Similarity.Cosine(map(set[i].Vector), map(set[j].Vector));
                if (set[i].Identity == set[j].Identity) worstGenuine = Math.Min(worstGenuine, c);
                else worstImpostor = Math.Max(worstImpostor, c);
            }
        return worstGenuine - worstImpostor;
    }

    [Fact]
    public void Untrained_the_map_is_the_identity_so_it_starts_from_todays_embedding()
    {
        var set = ToySet();
        var mlp = ResidualMlp.Train(set, new MlpOptions(Hidden: 8, Epochs: 0));

        foreach (var (v, _, _) in set) Assert.Equal(1.0, Similarity.Cosine(v, mlp.Apply(v)), 6);
    }

    [Fact]
    public void Training_widens_the_gap_between_the_worst_genuine_and_the_worst_impostor_pair()
    {
        var set = ToySet();
        var mlp = ResidualMlp.Train(set, new MlpOptions(Hidden: 8, Epochs: 200, LearningRate: 1e-2, Margin: 0.7));

        Assert.True(Gap(set, mlp.Apply) > Gap(set, v => v) + 0.05, $"gap {Gap(set, v => v):0.000} -> {Gap(set, mlp.Apply):0.000}");
    }
}
