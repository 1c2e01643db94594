using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Training;

/// <summary>
/// A linear map of the 512-d embedding learned on East Asian identities (<c>faceverify train-match-adaptation</c>):
/// y = normalise(W(x − μ)), so cosine similarity weighs the directions in which different people differ more than those
/// in which one person's pictures vary. Measured, not shipped: no variant raised TAR at the East Asian FAR-0.1% point
/// (docs/matching.md), so the service compares the network's embedding as it is.
/// </summary>
public sealed class EmbeddingAdaptation
{
    private readonly float[] _mean;
    private readonly float[] _matrix;

    public EmbeddingAdaptation(float[] mean, float[] matrix)
    {
        if (matrix.Length != mean.Length * mean.Length) throw new ArgumentException("the matrix must be square in the embedding's size");
        _mean = mean;
        _matrix = matrix;
    }

    public int Dimension => _mean.Length;

    public float[] Apply(float[] embedding)
    {
        var d = _mean.Length;
        if (embedding.Length != d) throw new ArgumentException($"embedding of {embedding.Length} values, adaptation of {d}");
        var centred = new float[d];
        for (var i = 0; i < d; i++) centred[i] = embedding[i] - _mean[i];
        var output = new float[d];
        for (var i = 0; i < d; i++)
        {
            double sum = 0;
            var row = i * d;
            for (var j = 0; j < d; j++) sum += _matrix[row + j] * centred[j];
            output[i] = (float)sum;
        }
        return Similarity.Normalise(output);
    }
}
