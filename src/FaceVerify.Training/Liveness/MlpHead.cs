using FaceVerify.Cli.Training;

namespace FaceVerify.Cli.Liveness;

/// <summary>A small network of our own as the liveness head (issue 13): one hidden layer, then one live log-odds per attack family.</summary>
/// <param name="Hidden">Hidden units (ReLU).</param>
/// <param name="Dropout">Share of hidden units dropped per picture and step while training.</param>
/// <param name="WeightDecay">L2 penalty on both weight matrices (not the biases), relative to the mean weighted loss.</param>
/// <param name="Epochs">Full-batch Adam steps.</param>
/// <param name="Members">Networks with different seeds whose log-odds are averaged (a cheap ensemble that steadies the threshold).</param>
/// <param name="InputNoise">Standard deviation of Gaussian noise added to the standardised inputs at every step (0: none).</param>
/// <param name="GroupDro">Step of group distributionally robust training (0: off): each (source, live/attack) group's weight grows with exp(step × its mean loss), so the worst-fitted source pulls hardest.</param>
internal sealed record MlpOptions(int Hidden = 16, double Dropout = 0.3, double WeightDecay = 1e-3, int Epochs = 300, double LearningRate = 0.01, int Members = 1,
    double InputNoise = 0, double GroupDro = 0);

/// <summary>
/// A fitted network: inputs standardised and clipped as the logistic head's, ReLU hidden layer, one output per
/// family; the live log-odds is the lowest output (live only if live against every family).
/// </summary>
internal sealed record MlpModel(double[] Mean, double[] Scale, double[][] W1, double[] B1, double[][] W2, double[] B2)
{
    public double[] Outputs(double[] x)
    {
        var clip = Core.Liveness.AttackFamilyWeights.Clip;
        var z = new double[x.Length];
        for (var j = 0; j < x.Length; j++) z[j] = Math.Clamp((x[j] - Mean[j]) / Scale[j], -clip, clip);
        var h = new double[B1.Length];
        for (var u = 0; u < h.Length; u++) h[u] = Math.Max(0, B1[u] + Dot(W1[u], z));
        var o = new double[B2.Length];
        for (var f = 0; f < o.Length; f++) o[f] = B2[f] + Dot(W2[f], h);
        return o;
    }

    public double Logit(double[] x) => Outputs(x).Min();

    internal static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var j = 0; j < a.Length; j++) s += a[j] * b[j];
        return s;
    }
}

/// <summary>
/// Fits <see cref="MlpModel"/> in plain C#: weighted cross-entropy (each family's live and attack pictures weighted as
/// the logistic head weights them, so every source counts alike), full-batch Adam, dropout on the hidden layer and
/// weight decay. Every random draw (initial weights, dropout masks) comes from a seeded generator, so the same data
/// and seed give the same weights, bit for bit.
/// </summary>
internal static class MlpFit
{
    /// <param name="families">Per family: for each picture its target (1 live, 0 attack) or null when the family does not train on it, and its weight.</param>
    /// <param name="groups">Each picture's group (source and live/attack) for <see cref="MlpOptions.GroupDro"/>.</param>
    public static MlpModel Fit(IReadOnlyList<double[]> x, IReadOnlyList<(double? Target, double Weight)[]> families, int[] groups, MlpOptions options, int seed)
    {
        var (mean, scale) = Training.Standardiser.Of(x);
        var clip = Core.Liveness.AttackFamilyWeights.Clip;
        var n = x.Count;
        var d = x[0].Length;
        var z = x.Select(r => r.Select((v, j) => Math.Clamp((v - mean[j]) / scale[j], -clip, clip)).ToArray()).ToArray();
        var fam = families.Count;
        var totals = families.Select(f => f.Sum(t => t.Target is null ? 0 : t.Weight)).ToArray();
        var random = new Random(seed);
        var hidden = options.Hidden;
        var w1 = Init(random, hidden, d, Math.Sqrt(6.0 / d));
        var b1 = new double[hidden];
        var w2 = Init(random, fam, hidden, Math.Sqrt(6.0 / (hidden + fam)));
        var b2 = new double[fam];
        var adam = new Adam(options.LearningRate, [.. w1, b1, .. w2, b2]);

        var h = new double[n][];
        var mask = new double[n][];
        for (var i = 0; i < n; i++) { h[i] = new double[hidden]; mask[i] = new double[hidden]; }
        var keep = 1 - options.Dropout;
        var groupCount = groups.Max() + 1;
        var q = Enumerable.Repeat(1.0, groupCount).ToArray();
        var groupLoss = new double[groupCount];
        var groupMass = new double[groupCount];
        var noisy = new double[d];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Array.Clear(groupLoss);
            Array.Clear(groupMass);
            var gw1 = w1.Select(r => new double[r.Length]).ToArray();
            var gb1 = new double[hidden];
            var gw2 = w2.Select(r => new double[r.Length]).ToArray();
            var gb2 = new double[fam];
            var gh = new double[hidden];
            for (var i = 0; i < n; i++)
            {
                var zi = z[i];
                if (options.InputNoise > 0)
                {
                    for (var j = 0; j < d; j++) noisy[j] = zi[j] + options.InputNoise * random.NextGaussian();
                    zi = noisy;
                }
                for (var u = 0; u < hidden; u++)
                {
                    mask[i][u] = random.NextDouble() < keep ? 1 / keep : 0;
                    h[i][u] = mask[i][u] == 0 ? 0 : Math.Max(0, b1[u] + MlpModel.Dot(w1[u], zi)) * mask[i][u];
                }
                Array.Clear(gh);
                var any = false;
                for (var f = 0; f < fam; f++)
                {
                    if (families[f][i].Target is not { } target) continue;
                    var o = b2[f] + MlpModel.Dot(w2[f], h[i]);
                    var p = 1 / (1 + Math.Exp(-o));
                    var weight = families[f][i].Weight / totals[f];
                    groupLoss[groups[i]] += weight * -Math.Log(Math.Clamp(target == 1 ? p : 1 - p, 1e-12, 1));
                    groupMass[groups[i]] += weight;
                    var err = weight * q[groups[i]] * (p - target);
                    gb2[f] += err;
                    for (var u = 0; u < hidden; u++) { gw2[f][u] += err * h[i][u]; gh[u] += err * w2[f][u]; }
                    any = true;
                }
                if (!any) continue;
                for (var u = 0; u < hidden; u++)
                {
                    if (h[i][u] <= 0) continue;  // ReLU off or dropped
                    var g = gh[u] * mask[i][u];
                    gb1[u] += g;
                    var row = gw1[u];
                    for (var j = 0; j < d; j++) row[j] += g * zi[j];
                }
            }
            for (var u = 0; u < hidden; u++) for (var j = 0; j < d; j++) gw1[u][j] += options.WeightDecay * w1[u][j];
            for (var f = 0; f < fam; f++) for (var u = 0; u < hidden; u++) gw2[f][u] += options.WeightDecay * w2[f][u];
            adam.Step([.. gw1, gb1, .. gw2, gb2]);
            if (options.GroupDro > 0)
            {
                // Exponentiated-gradient step on the groups' mean losses, renormalised to mean weight 1.
                for (var g = 0; g < groupCount; g++) if (groupMass[g] > 0) q[g] *= Math.Exp(options.GroupDro * groupLoss[g] / groupMass[g]);
                var average = q.Average();
                for (var g = 0; g < groupCount; g++) q[g] /= average;
            }
        }
        return new MlpModel(mean, scale, w1, b1, w2, b2);
    }

    private static double[][] Init(Random random, int rows, int cols, double limit) =>
        Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, cols).Select(_ => (random.NextDouble() * 2 - 1) * limit).ToArray()).ToArray();

    /// <summary>Adam over a list of parameter arrays, updated in place.</summary>
    private sealed class Adam(double rate, double[][] parameters)
    {
        private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
        private readonly double[][] m = parameters.Select(p => new double[p.Length]).ToArray();
        private readonly double[][] v = parameters.Select(p => new double[p.Length]).ToArray();
        private int t;

        public void Step(double[][] gradients)
        {
            t++;
            var c1 = 1 - Math.Pow(Beta1, t);
            var c2 = 1 - Math.Pow(Beta2, t);
            for (var k = 0; k < parameters.Length; k++)
                for (var j = 0; j < parameters[k].Length; j++)
                {
                    var g = gradients[k][j];
                    m[k][j] = Beta1 * m[k][j] + (1 - Beta1) * g;
                    v[k][j] = Beta2 * v[k][j] + (1 - Beta2) * g * g;
                    parameters[k][j] -= rate * (m[k][j] / c1) / (Math.Sqrt(v[k][j] / c2) + Epsilon);
                }
        }
    }
}
