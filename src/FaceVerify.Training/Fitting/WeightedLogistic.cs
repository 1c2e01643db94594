namespace FaceVerify.Cli.Liveness;

/// <summary>
/// Sample-weighted, L2-regularised logistic regression for a few hundred features (the passive network's hidden
/// layers), fitted by Nesterov-accelerated gradient descent from zero with the step set by the data's largest
/// curvature (power iteration from a fixed start): no randomness, the same data gives the same weights.
/// Features are standardised and clipped to ±<see cref="Core.Liveness.AttackFamilyWeights.Clip"/> as the scorer does.
/// </summary>
internal static class WeightedLogistic
{
    internal sealed record Model(double[] Mean, double[] Scale, double[] Coefficients, double Intercept);

    /// <param name="l2">Penalty on the standardised coefficients, relative to the mean weighted loss.</param>
    public static Model Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> live, IReadOnlyList<double> weights, double l2, int iterations = 600)
    {
        var (mean, scale) = Training.Standardiser.Of(x);
        var clip = Core.Liveness.AttackFamilyWeights.Clip;
        var n = x.Count;
        var d = x[0].Length;
        var p = d + 1;
        var z = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var row = new double[p];
            for (var j = 0; j < d; j++) row[j] = Math.Clamp((x[i][j] - mean[j]) / scale[j], -clip, clip);
            row[d] = 1;
            z[i] = row;
        }
        var total = weights.Sum();
        var w = weights.Select(v => v / total).ToArray();
        var step = 1 / (0.25 * LargestEigenvalue(z, w, p) + l2);

        var beta = new double[p];
        var previous = new double[p];
        var look = new double[p];
        var grad = new double[p];
        for (var t = 1; t <= iterations; t++)
        {
            var momentum = (t - 1.0) / (t + 2.0);
            for (var j = 0; j < p; j++) look[j] = beta[j] + momentum * (beta[j] - previous[j]);
            Array.Clear(grad);
            for (var i = 0; i < n; i++)
            {
                var row = z[i];
                var eta = 0.0;
                for (var j = 0; j < p; j++) eta += look[j] * row[j];
                var err = w[i] * (1 / (1 + Math.Exp(-eta)) - (live[i] ? 1 : 0));
                for (var j = 0; j < p; j++) grad[j] += err * row[j];
            }
            for (var j = 0; j < d; j++) grad[j] += l2 * look[j];
            Array.Copy(beta, previous, p);
            for (var j = 0; j < p; j++) beta[j] = look[j] - step * grad[j];
        }
        return new Model(mean, scale, beta[..d], beta[d]);
    }

    /// <summary>Largest eigenvalue of Zᵀ diag(w) Z by power iteration from the all-ones vector.</summary>
    private static double LargestEigenvalue(double[][] z, double[] w, int p)
    {
        var v = Enumerable.Repeat(1 / Math.Sqrt(p), p).ToArray();
        var lambda = 0.0;
        for (var k = 0; k < 30; k++)
        {
            var next = new double[p];
            for (var i = 0; i < z.Length; i++)
            {
                var dot = 0.0;
                for (var j = 0; j < p; j++) dot += z[i][j] * v[j];
                dot *= w[i];
                for (var j = 0; j < p; j++) next[j] += dot * z[i][j];
            }
            lambda = Math.Sqrt(next.Sum(a => a * a));
            if (lambda < 1e-12) return 1;
            for (var j = 0; j < p; j++) v[j] = next[j] / lambda;
        }
        return lambda * 1.05;
    }
}
