using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Tests.Matching;

public sealed class ScoreNormalisationTests
{
    private static float[] Unit(params float[] v) => Similarity.Normalise(v);

    private static readonly float[][] Cohort =
        [Unit(1, 0.2f, 0), Unit(0.8f, 0.5f, 0.1f), Unit(0.2f, 1, 0.3f), Unit(0.1f, 0.3f, 1), Unit(0.6f, 0.1f, 0.7f), Unit(0.3f, 0.9f, 0.9f)];

    [Fact]
    public void Parametric_statistics_equal_the_mean_and_spread_of_the_cosines_against_the_cohort()
    {
        var stats = ParametricImpostorStatistics.Fit(Cohort);
        var probe = Unit(0.5f, -0.2f, 0.8f);
        var cosines = Cohort.Select(c => Similarity.Cosine(probe, c)).ToArray();
        var mean = cosines.Average();
        var sd = Math.Sqrt(cosines.Sum(s => (s - mean) * (s - mean)) / cosines.Length);

        var (m, s) = stats.Of(probe);

        Assert.Equal(mean, m, 5);
        Assert.Equal(sd, s, 5);
    }

    [Fact]
    public void Per_source_weights_give_every_source_the_same_say_and_a_share_of_zero_weighs_pictures_equally()
    {
        var cohort = Cohort.Select((v, i) => (v, i < 4 ? "web" : "webcam")).ToList();

        var balanced = ScoreNormStudy.PerGroupWeights(cohort);
        var uniform = ScoreNormStudy.PerGroupWeights(cohort, share: 0);

        Assert.Equal(0.5, balanced.Take(4).Sum(), 9);
        Assert.Equal(0.5, balanced.Skip(4).Sum(), 9);
        Assert.All(uniform, w => Assert.Equal(1.0 / 6, w, 9));
        // A weight of 2 is the same as the picture counted twice.
        var doubled = ParametricImpostorStatistics.Fit([.. Cohort, Cohort[0]]);
        var weighted = ParametricImpostorStatistics.Fit(Cohort, weights: [2, 1, 1, 1, 1, 1]);
        Assert.Equal(doubled.Of(Cohort[3]).Mean, weighted.Of(Cohort[3]).Mean, 6);
        Assert.Equal(doubled.Of(Cohort[3]).Sd, weighted.Of(Cohort[3]).Sd, 6);
    }

    [Fact]
    public void Mean_only_statistics_keep_the_mean_and_give_every_face_one_spread()
    {
        var stats = ParametricImpostorStatistics.Fit(Cohort, meanOnly: true);

        Assert.Equal(stats.Of(Cohort[0]).Sd, stats.Of(Unit(0, 0, 1)).Sd, 9);
        Assert.Equal(ParametricImpostorStatistics.Fit(Cohort).Of(Cohort[2]).Mean, stats.Of(Cohort[2]).Mean, 6);
    }

    [Fact]
    public void Adaptive_statistics_read_only_the_k_closest_cohort_faces()
    {
        var probe = Unit(1, 0.3f, 0);
        var closest = Cohort.Select(c => Similarity.Cosine(probe, c)).OrderDescending().Take(2).ToArray();

        var (mean, sd) = new CohortImpostorStatistics(Cohort, topK: 2).Of(probe);

        Assert.Equal(closest.Average(), mean, 6);
        Assert.Equal(Math.Abs(closest[0] - closest[1]) / Math.Sqrt(2), sd, 6);
    }

    [Fact]
    public void The_normalised_score_standardises_the_cosine_on_both_sides_and_is_symmetric()
    {
        float[] a = Unit(1, 2, 3), b = Unit(3, -1, 0.5f);
        var cosine = Similarity.Cosine(a, b);
        var ca = NormalisedScore.Carry(a, (0.1, 0.05));
        var cb = NormalisedScore.Carry(b, (0.3, 0.1));

        Assert.Equal(0.5 * ((cosine - 0.1) / 0.05 + (cosine - 0.3) / 0.1), NormalisedScore.Symmetric(ca, cb), 4);
        Assert.Equal(NormalisedScore.Symmetric(ca, cb), NormalisedScore.Symmetric(cb, ca), 9);
        // Unit statistics give back the cosine: the raw candidate goes through the same code.
        Assert.Equal(cosine, NormalisedScore.Symmetric(NormalisedScore.Carry(a, (0, 1)), NormalisedScore.Carry(b, (0, 1))), 6);
    }

    [Fact]
    public void Gated_tar_counts_a_genuine_pair_once_per_direction_whose_probe_passes()
    {
        var images = new List<MatchImage>
        {
            new("a1", "p", "g", "evaluation"), new("a2", "p", "g", "evaluation"), new("a3", "p", "g", "evaluation"),
        };
        var vectors = new Dictionary<string, float[]?> { ["a1"] = Unit(1, 0), ["a2"] = Unit(1, 0.1f), ["a3"] = Unit(0, 1) };
        var reasons = new Dictionary<string, string[]> { ["a1"] = [], ["a2"] = ["snapshot.head_turned"], ["a3"] = [] };

        var (judged, tar) = ProbeGate.GatedTar(images, f => vectors[f], Similarity.Cosine, 0.9, reasons);

        // a1–a2: probe a1 only (accepted); a1–a3: both directions (rejected); a2–a3: probe a3 only (rejected).
        Assert.Equal(4, judged);
        Assert.Equal(0.25, tar, 9);
    }
}
