using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Training;

/// <summary>
/// Both networks' cosines of every pair of a large labelled set (LFW folds 1–6: 10 M pairs), computed once, so the
/// fused score at any weight is a sum and not another pass over the vectors. A pair with a missing face is a refused
/// genuine pair and no impostor pair, as in <see cref="Evaluation.GroupedScores"/>.
/// </summary>
internal sealed class PairCosines
{
    private readonly List<(float First, float Second)> _genuine = [];
    private readonly List<(float First, float Second)> _impostor = [];
    private int _refusedGenuine;

    public static PairCosines Of(IReadOnlyList<(string File, string Identity)> images, Func<string, (float[] First, float[] Second)?> vectors)
    {
        var result = new PairCosines();
        var v = images.Select(i => vectors(i.File)).ToArray();
        for (var i = 0; i < images.Count; i++)
            for (var j = i + 1; j < images.Count; j++)
            {
                var same = images[i].Identity == images[j].Identity;
                if (v[i] is not { } a || v[j] is not { } b) { if (same) result._refusedGenuine++; continue; }
                var pair = ((float)Similarity.Cosine(a.First, b.First), (float)Similarity.Cosine(a.Second, b.Second));
                (same ? result._genuine : result._impostor).Add(pair);
            }
        return result;
    }

    public long GenuinePairs => _genuine.Count + _refusedGenuine;
    public long ImpostorPairs => _impostor.Count;

    public (double Tar, double Far) At(double weight, double threshold)
    {
        long accepted = 0, falseAccepts = 0;
        foreach (var (a, b) in _genuine) if ((1 - weight) * a + weight * b >= threshold) accepted++;
        foreach (var (a, b) in _impostor) if ((1 - weight) * a + weight * b >= threshold) falseAccepts++;
        return (accepted / (double)Math.Max(1, GenuinePairs), falseAccepts / (double)Math.Max(1, ImpostorPairs));
    }
}
