using FaceVerify.Core.Faces;

namespace FaceVerify.Cli.Training;

/// <summary>How the residual MLP is trained (<c>faceverify train-match-mlp</c>).</summary>
/// <param name="Margin">λ of the loss: the cosine around which genuine and impostor pairs are pushed apart (near the policy threshold).</param>
/// <param name="Scale">α of the loss: how sharply pairs near λ count compared with easy ones.</param>
internal sealed record MlpOptions(int Hidden = 64, int Epochs = 100, double LearningRate = 1e-3, double WeightDecay = 1e-4,
    double Margin = 0.45, double Scale = 20, int Seed = 20261129);

/// <summary>
/// A small nonlinear adaptation of the frozen 512-d embedding: y = normalise(x + W₂·relu(W₁x + b₁)). W₂ starts at zero,
/// so the untrained map is the identity and training can only move away from today's embedding as far as the data
/// asks. Trained full-batch with Adam on a binomial-deviance loss over every genuine and impostor pair inside each
/// group of the training people: log(1 + e^(−α(c−λ))) for genuine, log(1 + e^(α(c−λ))) for impostor pairs, each kind
/// averaged. Plain loops (deterministic for a seed); at run time it would be two small matrix products.
/// </summary>
internal sealed class ResidualMlp
{
    private readonly int _d, _h;
    private readonly float[] _w1, _b1, _w2;

    private ResidualMlp(int d, int h, float[] w1, float[] b1, float[] w2) { _d = d; _h = h; _w1 = w1; _b1 = b1; _w2 = w2; }

    public float[] Apply(float[] x) => Forward(x).Z;

    private (float[] A, float[] Y, float[] Z, double Norm) Forward(float[] x)
    {
        var a = new float[_h];
        for (var j = 0; j < _h; j++)
        {
            double s = _b1[j];
            var row = j * _d;
            for (var i = 0; i < _d; i++) s += _w1[row + i] * x[i];
            a[j] = (float)s;
        }
        var y = (float[])x.Clone();
        for (var j = 0; j < _h; j++)
        {
            if (a[j] <= 0) continue;
            for (var i = 0; i < _d; i++) y[i] += _w2[i * _h + j] * a[j];
        }
        double norm = 0;
        foreach (var v in y) norm += v * v;
        norm = Math.Sqrt(norm);
        return (a, y, Similarity.Normalise(y), norm);
    }

    /// <param name="samples">Training pictures: vector, person, group (pairs are formed only inside a group).</param>
    public static ResidualMlp Train(IReadOnlyList<(float[] Vector, string Identity, string Group)> samples, MlpOptions o, Action<string>? log = null)
    {
        var d = samples[0].Vector.Length;
        var random = new Random(o.Seed);
        var w1 = new float[o.Hidden * d];
        // The inputs are unit vectors, so unit-variance weights give hidden values of unit variance.
        for (var i = 0; i < w1.Length; i++) w1[i] = (float)random.NextGaussian();
        var mlp = new ResidualMlp(d, o.Hidden, w1, new float[o.Hidden], new float[d * o.Hidden]);
        var parameters = new[] { mlp._w1, mlp._b1, mlp._w2 };
        var adam = parameters.Select(p => (M: new double[p.Length], V: new double[p.Length])).ToArray();

        var pairs = new List<(int I, int J, bool Same)>();
        for (var i = 0; i < samples.Count; i++)
            for (var j = i + 1; j < samples.Count; j++)
                if (samples[i].Group == samples[j].Group) pairs.Add((i, j, samples[i].Identity == samples[j].Identity));
        var genuine = Math.Max(1, pairs.Count(p => p.Same));
        var impostor = Math.Max(1, pairs.Count - genuine);

        for (var epoch = 1; epoch <= o.Epochs; epoch++)
        {
            var forward = samples.Select(s => mlp.Forward(s.Vector)).ToArray();
            var gradZ = samples.Select(_ => new double[d]).ToArray();
            double loss = 0;
            foreach (var (i, j, same) in pairs)
            {
                var c = Similarity.Cosine(forward[i].Z, forward[j].Z);
                var t = o.Scale * (c - o.Margin) * (same ? -1 : 1);
                loss += Softplus(t) / (same ? genuine : impostor);
                // d/dc of softplus(t) = sigmoid(t) · dt/dc
                var g = 1 / (1 + Math.Exp(-t)) * o.Scale * (same ? -1 : 1) / (same ? genuine : impostor);
                var zi = forward[i].Z;
                var zj = forward[j].Z;
                var gi = gradZ[i];
                var gj = gradZ[j];
                for (var k = 0; k < d; k++) { gi[k] += g * zj[k]; gj[k] += g * zi[k]; }
            }
            var grads = parameters.Select(p => new double[p.Length]).ToArray();
            for (var n = 0; n < samples.Count; n++) mlp.Backward(samples[n].Vector, forward[n], gradZ[n], grads);
            mlp.Step(parameters, grads, adam, o, epoch);
            if (log is not null && (epoch == 1 || epoch % 25 == 0)) log($"epoch {epoch}: loss {loss:0.0000}");
        }
        return mlp;
    }

    private void Backward(float[] x, (float[] A, float[] Y, float[] Z, double Norm) f, double[] gz, double[][] grads)
    {
        // Through the normalisation: dL/dy = (g − (g·z) z) / |y|.
        double dot = 0;
        for (var i = 0; i < _d; i++) dot += gz[i] * f.Z[i];
        var gy = new double[_d];
        for (var i = 0; i < _d; i++) gy[i] = (gz[i] - dot * f.Z[i]) / f.Norm;
        var (gw1, gb1, gw2) = (grads[0], grads[1], grads[2]);
        for (var j = 0; j < _h; j++)
        {
            if (f.A[j] <= 0) continue;
            double gh = 0;
            for (var i = 0; i < _d; i++)
            {
                gw2[i * _h + j] += gy[i] * f.A[j];
                gh += _w2[i * _h + j] * gy[i];
            }
            gb1[j] += gh;
            var row = j * _d;
            for (var i = 0; i < _d; i++) gw1[row + i] += gh * x[i];
        }
    }

    private void Step(float[][] parameters, double[][] grads, (double[] M, double[] V)[] adam, MlpOptions o, int t)
    {
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        for (var p = 0; p < parameters.Length; p++)
        {
            var (m, v) = adam[p];
            var w = parameters[p];
            for (var i = 0; i < w.Length; i++)
            {
                var g = grads[p][i] + o.WeightDecay * w[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                var mh = m[i] / (1 - Math.Pow(beta1, t));
                var vh = v[i] / (1 - Math.Pow(beta2, t));
                w[i] -= (float)(o.LearningRate * mh / (Math.Sqrt(vh) + eps));
            }
        }
    }

    private static double Softplus(double t) => t > 30 ? t : Math.Log(1 + Math.Exp(t));
}
