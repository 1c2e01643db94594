using FaceVerify.Cli.Training;
using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Tests.Matching;

public sealed class LinearAdaptationTests
{
    // Three people in 3-d whose pictures vary mostly along the first axis, while people differ along the second.
    private static List<(float[] Vector, string Identity)> Samples()
    {
        var random = new Random(3);
        var list = new List<(float[], string)>();
        for (var p = 0; p < 3; p++)
            for (var k = 0; k < 40; k++)
                list.Add(([(float)(random.NextDouble() * 2 - 1), p - 1 + (float)(random.NextDouble() * 0.2 - 0.1), (float)(random.NextDouble() * 0.2 - 0.1)], $"p{p}"));
        return list;
    }

    [Fact]
    public void Wccn_whitens_the_within_person_covariance()
    {
        var samples = Samples();
        var (_, w) = LinearAdaptationFit.Fit(samples, AdaptationKind.Wccn, shrinkage: 0);

        // W Sw Wᵀ must be the identity: project each picture's deviation from its person's mean and take the covariance.
        var projected = samples.GroupBy(s => s.Identity).SelectMany(g =>
        {
            var mean = Enumerable.Range(0, 3).Select(i => g.Average(s => s.Vector[i])).ToArray();
            return g.Select(s => Enumerable.Range(0, 3).Select(r => Enumerable.Range(0, 3).Sum(c => w[r * 3 + c] * (s.Vector[c] - mean[c]))).ToArray());
        }).ToList();
        for (var a = 0; a < 3; a++)
            for (var b = 0; b < 3; b++)
                Assert.Equal(a == b ? 1.0 : 0.0, projected.Average(v => (double)v[a] * v[b]), 2);
    }

    [Fact]
    public void After_wccn_two_pictures_of_one_person_are_closer_than_before()
    {
        var samples = Samples();
        var (mean, w) = LinearAdaptationFit.Fit(samples, AdaptationKind.Wccn, shrinkage: 0.1);
        var map = new EmbeddingAdaptation(mean, w);
        float[] a = [0.9f, 0f, 0f], b = [-0.9f, 0f, 0f];   // same person (middle one), far apart along the noisy axis

        Assert.True(Similarity.Cosine(map.Apply(a), map.Apply(b)) > Similarity.Cosine(Similarity.Normalise(a), Similarity.Normalise(b)));
    }

    [Fact]
    public void Full_shrinkage_centres_only()
    {
        var samples = Samples();
        var (mean, w) = LinearAdaptationFit.Fit(samples, AdaptationKind.Whiten, shrinkage: 1);
        var (centreMean, identity) = LinearAdaptationFit.Fit(samples, AdaptationKind.Centre, 0);
        float[] x = [0.3f, 0.5f, -0.2f], y = [0.1f, -0.4f, 0.6f];

        Assert.Equal(centreMean, mean);
        Assert.Equal(Similarity.Cosine(new EmbeddingAdaptation(centreMean, identity).Apply(x), new EmbeddingAdaptation(centreMean, identity).Apply(y)),
            Similarity.Cosine(new EmbeddingAdaptation(mean, w).Apply(x), new EmbeddingAdaptation(mean, w).Apply(y)), 5);
    }
}
