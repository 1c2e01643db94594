namespace FaceVerify.Cli.Training;

/// <summary>What covariance the adaptation whitens.</summary>
internal enum AdaptationKind
{
    /// <summary>Only the mean of the training people's embeddings is taken off.</summary>
    Centre,
    /// <summary>The covariance of all embeddings (half the covariance of random impostor differences).</summary>
    Whiten,
    /// <summary>The within-person covariance (WCCN): directions in which one person's pictures vary weigh less.</summary>
    Wccn,
}

/// <summary>
/// Fits y = W(x − μ) on labelled embeddings: W is the inverse Cholesky factor of the chosen covariance, shrunk toward
/// a multiple of the identity by <c>shrinkage</c> (0 = the sample covariance, 1 = no whitening). Any W with
/// W C Wᵀ = I gives the same cosine scores, so the triangular factor is as good as C^−½ and needs no eigen-solver.
/// Deterministic: plain loops in a fixed order.
/// </summary>
internal static class LinearAdaptationFit
{
    public static (float[] Mean, float[] Matrix) Fit(IReadOnlyList<(float[] Vector, string Identity)> samples, AdaptationKind kind, double shrinkage)
    {
        var d = samples[0].Vector.Length;
        var mean = new double[d];
        foreach (var (v, _) in samples) for (var i = 0; i < d; i++) mean[i] += v[i];
        for (var i = 0; i < d; i++) mean[i] /= samples.Count;
        var identity = new float[d * d];
        for (var i = 0; i < d; i++) identity[i * d + i] = 1;
        if (kind == AdaptationKind.Centre) return (mean.Select(m => (float)m).ToArray(), identity);

        // Rows to accumulate: deviations from the overall mean, or from each person's own mean.
        var rows = new List<double[]>();
        if (kind == AdaptationKind.Whiten) rows.AddRange(samples.Select(s => s.Vector.Select((x, i) => x - mean[i]).ToArray()));
        else
            foreach (var person in samples.GroupBy(s => s.Identity).Where(g => g.Count() > 1))
            {
                var m = new double[d];
                foreach (var (v, _) in person) for (var i = 0; i < d; i++) m[i] += v[i];
                var n = person.Count();
                rows.AddRange(person.Select(s => s.Vector.Select((x, i) => x - m[i] / n).ToArray()));
            }
        var cov = new double[d, d];
        foreach (var r in rows)
            for (var i = 0; i < d; i++)
            {
                var ri = r[i];
                for (var j = 0; j <= i; j++) cov[i, j] += ri * r[j];
            }
        double trace = 0;
        for (var i = 0; i < d; i++) trace += cov[i, i] / rows.Count;
        for (var i = 0; i < d; i++)
            for (var j = 0; j <= i; j++)
                cov[i, j] = (1 - shrinkage) * cov[i, j] / rows.Count + (i == j ? shrinkage * trace / d : 0);
        var inverse = InverseLower(Cholesky(cov, d), d);
        var matrix = new float[d * d];
        for (var i = 0; i < d; i++) for (var j = 0; j <= i; j++) matrix[i * d + j] = (float)inverse[i, j];
        return (mean.Select(m => (float)m).ToArray(), matrix);
    }

    private static double[,] Cholesky(double[,] a, int d)
    {
        var l = new double[d, d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (sum <= 0) throw new InvalidOperationException("covariance not positive definite: raise the shrinkage");
                    l[i, i] = Math.Sqrt(sum);
                }
                else l[i, j] = sum / l[j, j];
            }
        return l;
    }

    private static double[,] InverseLower(double[,] l, int d)
    {
        var inv = new double[d, d];
        for (var j = 0; j < d; j++)
        {
            inv[j, j] = 1 / l[j, j];
            for (var i = j + 1; i < d; i++)
            {
                double sum = 0;
                for (var k = j; k < i; k++) sum -= l[i, k] * inv[k, j];
                inv[i, j] = sum / l[i, i];
            }
        }
        return inv;
    }
}
