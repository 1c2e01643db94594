using FaceVerify.Cli.Evaluation;
using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Tests.Matching;

public sealed class MatchVectorsTests
{
    private static readonly MatchVectors Vectors = new([1f, 0f, 0f], [0f, 1f, 0f], [0f, 0f, 1f]);

    [Fact]
    public void Plain_is_the_service_embedding_untouched() => Assert.Same(Vectors.Plain, Vectors.Of(EmbeddingVariant.Plain));

    [Fact]
    public void Variants_average_their_vectors_and_stay_unit_length()
    {
        var flip = Vectors.Of(EmbeddingVariant.Flip);
        var all = Vectors.Of(EmbeddingVariant.FlipKeypoints);

        Assert.Equal([MathF.Sqrt(0.5f), MathF.Sqrt(0.5f), 0f], flip);
        Assert.Equal(1.0, Similarity.Cosine(all, all), 5);
        Assert.Equal(1 / Math.Sqrt(3), Similarity.Cosine(all, Vectors.Keypoints), 5);
    }
}
