using FaceVerify.Cli.Training;
using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Tests.Matching;

public sealed class ScoreFusionTests
{
    private static float[] Unit(params float[] v) => Similarity.Normalise(v);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void The_cosine_of_fused_vectors_is_the_weighted_sum_of_the_two_networks_cosines(double weight)
    {
        float[] a1 = Unit(1, 2, 3), b1 = Unit(3, -1, 0.5f), a2 = Unit(0.2f, 1), b2 = Unit(1, -0.4f);

        var fused = Similarity.Cosine(ScoreFusion.Fuse(a1, a2, weight), ScoreFusion.Fuse(b1, b2, weight));

        Assert.Equal((1 - weight) * Similarity.Cosine(a1, b1) + weight * Similarity.Cosine(a2, b2), fused, 6);
    }

    [Fact]
    public void A_fused_vector_keeps_unit_length_so_it_can_stand_in_for_an_embedding()
    {
        var fused = ScoreFusion.Fuse(Unit(1, 2, 3), Unit(0.2f, 1), 0.25);

        Assert.Equal(5, fused.Length);
        Assert.Equal(1.0, Similarity.Cosine(fused, fused), 6);
    }
}
