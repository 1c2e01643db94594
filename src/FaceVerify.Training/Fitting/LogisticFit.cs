namespace FaceVerify.Cli.Training;

/// <summary>
/// Class-balanced, L2-regularised logistic regression on standardised features, fitted by full-batch Adam
/// from zero weights: no randomness at all, so the same data gives the same weights bit for bit.
/// </summary>
internal static class LogisticFit
{
    public sealed record Result(double[] Weights, double Bias);

    /// <param name="penalty">L2 penalty per feature (a group of features can be held back harder than another).</param>
    public static Result Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double[] penalty, int iterations = 400, double rate = 0.05)
    {
        var n = x.Count;
        var d = x[0].Length;
        var positives = y.Count(v => v);
        if (positives == 0 || positives == n) throw new InvalidOperationException("a head needs both classes to train");
        // Each class carries half the loss, so 200 masks against 900 bare faces still count equally.
        var wPos = n / (2.0 * positives);
        var wNeg = n / (2.0 * (n - positives));
        var w = new double[d];
        double b = 0;
        var m = new double[d + 1];
        var v = new double[d + 1];
        var grad = new double[d + 1];
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        for (var t = 1; t <= iterations; t++)
        {
            Array.Clear(grad);
            for (var i = 0; i < n; i++)
            {
                var xi = x[i];
                var z = b;
                for (var j = 0; j < d; j++) z += w[j] * xi[j];
                var p = 1 / (1 + Math.Exp(-z));
                var err = (p - (y[i] ? 1 : 0)) * (y[i] ? wPos : wNeg) / n;
                for (var j = 0; j < d; j++) grad[j] += err * xi[j];
                grad[d] += err;
            }
            for (var j = 0; j < d; j++) grad[j] += penalty[j] * w[j];
            var c1 = 1 - Math.Pow(beta1, t);
            var c2 = 1 - Math.Pow(beta2, t);
            for (var j = 0; j <= d; j++)
            {
                m[j] = beta1 * m[j] + (1 - beta1) * grad[j];
                v[j] = beta2 * v[j] + (1 - beta2) * grad[j] * grad[j];
                var step = rate * (m[j] / c1) / (Math.Sqrt(v[j] / c2) + eps);
                if (j < d) w[j] -= step; else b -= step;
            }
        }
        return new Result(w, b);
    }

    public static double Probability(Result model, double[] x)
    {
        var z = model.Bias;
        for (var j = 0; j < x.Length; j++) z += model.Weights[j] * x[j];
        return 1 / (1 + Math.Exp(-z));
    }
}
