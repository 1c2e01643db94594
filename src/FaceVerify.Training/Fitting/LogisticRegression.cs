namespace FaceVerify.Cli.Liveness;

/// <summary>
/// Weighted, L2-regularised logistic regression on standardised features, fitted by Newton's method
/// (IRLS): deterministic, no learning rate to tune, exact in a dozen steps for a few dozen features.
/// </summary>
internal static class LogisticRegression
{
    internal sealed record Model(double[] Mean, double[] Scale, double[] Coefficients, double Intercept);

    /// <param name="x">Feature rows.</param>
    /// <param name="y">1 = live, 0 = attack.</param>
    /// <param name="weights">Per-sample weights (balance between sets and classes).</param>
    /// <param name="l2">Penalty on the standardised coefficients (not the intercept).</param>
    public static Model Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, IReadOnlyList<double> weights, double l2)
    {
        var n = x.Count;
        var d = x[0].Length;
        var (mean, scale) = Training.Standardiser.Of(x);
        var clip = Core.Liveness.AttackFamilyWeights.Clip;
        var z = x.Select(r => r.Select((v, j) => Math.Clamp((v - mean[j]) / scale[j], -clip, clip)).Append(1.0).ToArray()).ToArray();
        var p = d + 1;
        var beta = new double[p];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var hessian = new double[p, p + 1];
            for (var i = 0; i < n; i++)
            {
                var eta = 0.0;
                for (var j = 0; j < p; j++) eta += beta[j] * z[i][j];
                var mu = 1 / (1 + Math.Exp(-eta));
                var w = weights[i] * Math.Max(mu * (1 - mu), 1e-10);
                var g = weights[i] * (y[i] - mu);
                for (var a = 0; a < p; a++)
                {
                    hessian[a, p] += g * z[i][a];
                    for (var b = 0; b < p; b++) hessian[a, b] += w * z[i][a] * z[i][b];
                }
            }
            for (var j = 0; j < d; j++)
            {
                hessian[j, j] += l2;
                hessian[j, p] -= l2 * beta[j];
            }
            var step = Core.Liveness.LinearAlgebra.Solve(hessian, p);
            var change = 0.0;
            for (var j = 0; j < p; j++) { beta[j] += step[j]; change = Math.Max(change, Math.Abs(step[j])); }
            if (change < 1e-8) break;
        }
        return new Model(mean, scale, beta[..d], beta[d]);
    }
}
