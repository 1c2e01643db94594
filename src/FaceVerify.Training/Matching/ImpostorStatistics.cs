using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Training;

/// <summary>
/// What one face's impostor scores look like: the mean and spread of its cosine against faces of other people. Score
/// normalisation divides a pair's cosine by them, because East Asian faces' impostor cosines sit higher than LFW's and
/// by how much varies from face to face.
/// </summary>
internal interface IImpostorStatistics
{
    (double Mean, double Sd) Of(float[] embedding);
}

/// <summary>
/// Parametric: the cohort is summarised by its mean vector m and covariance Σ, so cos(e, x) over cohort faces x has
/// mean e·m and variance eᵀΣe. m and Σ are model parameters (aggregates of many people), no person's embedding.
/// <c>MeanOnly</c> keeps the mean shift and a single pooled spread (the spread's share of the gain, measured apart).
/// </summary>
internal sealed class ParametricImpostorStatistics : IImpostorStatistics
{
    private readonly float[] _mean;
    private readonly float[] _covariance;
    private readonly double? _pooledSd;

    public ParametricImpostorStatistics(float[] mean, float[] covariance, double? pooledSd = null)
    {
        if (covariance.Length != mean.Length * mean.Length) throw new ArgumentException("the covariance must be square in the embedding's size");
        _mean = mean;
        _covariance = covariance;
        _pooledSd = pooledSd;
    }

    public float[] MeanVector => _mean;
    public float[] Covariance => _covariance;

    /// <param name="weights">Each cohort picture's weight (default equal), e.g. to give every source the same say.</param>
    public static ParametricImpostorStatistics Fit(IReadOnlyList<float[]> cohort, bool meanOnly = false, IReadOnlyList<double>? weights = null)
    {
        var d = cohort[0].Length;
        var total = weights?.Sum() ?? cohort.Count;
        double W(int n) => (weights?[n] ?? 1) / total;
        var mean = new double[d];
        for (var n = 0; n < cohort.Count; n++) for (var i = 0; i < d; i++) mean[i] += W(n) * cohort[n][i];
        var cov = new double[d * d];
        var centred = new double[d];
        for (var n = 0; n < cohort.Count; n++)
        {
            var v = cohort[n];
            for (var i = 0; i < d; i++) centred[i] = v[i] - mean[i];
            for (var i = 0; i < d; i++)
            {
                var ci = centred[i] * W(n);
                var row = i * d;
                for (var j = 0; j <= i; j++) cov[row + j] += ci * centred[j];
            }
        }
        var full = new float[d * d];
        for (var i = 0; i < d; i++) for (var j = 0; j <= i; j++) full[i * d + j] = full[j * d + i] = (float)cov[i * d + j];
        var m = mean.Select(x => (float)x).ToArray();
        var fitted = new ParametricImpostorStatistics(m, full);
        return meanOnly ? new ParametricImpostorStatistics(m, full, Math.Sqrt(cohort.Select((v, n) => W(n) * Math.Pow(fitted.Of(v).Sd, 2)).Sum())) : fitted;
    }

    public (double Mean, double Sd) Of(float[] e)
    {
        var d = _mean.Length;
        if (e.Length != d) throw new ArgumentException($"embedding of {e.Length} values, statistics of {d}");
        var mean = Similarity.Cosine(e, _mean);
        if (_pooledSd is { } pooled) return (mean, pooled);
        double variance = 0;
        for (var i = 0; i < d; i++)
        {
            double row = 0;
            var offset = i * d;
            for (var j = 0; j < d; j++) row += _covariance[offset + j] * e[j];
            variance += e[i] * row;
        }
        return (mean, Math.Sqrt(Math.Max(variance, 1e-12)));
    }
}

/// <summary>
/// Adaptive S-norm's side statistics: the mean and spread of the face's K highest cosines against a cohort of other
/// people's embeddings. The cohort is people's data: in a deployment it would be built from the platform's own
/// registered ID photos, never shipped in the repository.
/// </summary>
internal sealed class CohortImpostorStatistics(IReadOnlyList<float[]> cohort, int topK) : IImpostorStatistics
{
    public (double Mean, double Sd) Of(float[] e)
    {
        var scores = cohort.Select(c => Similarity.Cosine(e, c)).OrderByDescending(s => s).Take(topK).ToArray();
        var mean = scores.Average();
        var variance = scores.Sum(s => (s - mean) * (s - mean)) / Math.Max(1, scores.Length - 1);
        return (mean, Math.Sqrt(Math.Max(variance, 1e-12)));
    }
}

/// <summary>The symmetric normalised score: the cosine standardised against each side's impostor statistics, averaged.</summary>
internal static class NormalisedScore
{
    /// <summary>The embedding with its side statistics appended, so a pair's score needs no second look-up.</summary>
    public static float[] Carry(float[] embedding, (double Mean, double Sd) stats)
    {
        var carried = new float[embedding.Length + 2];
        embedding.CopyTo(carried, 0);
        carried[^2] = (float)stats.Mean;
        carried[^1] = (float)stats.Sd;
        return carried;
    }

    /// <summary>Of two vectors made by <see cref="Carry"/>.</summary>
    public static double Symmetric(float[] a, float[] b)
    {
        var n = a.Length - 2;
        double dot = 0;
        for (var i = 0; i < n; i++) dot += a[i] * b[i];
        return Symmetric(dot, (a[^2], a[^1]), (b[^2], b[^1]));
    }

    public static double Symmetric(double cosine, (double Mean, double Sd) first, (double Mean, double Sd) second) =>
        0.5 * ((cosine - first.Mean) / first.Sd + (cosine - second.Mean) / second.Sd);
}
