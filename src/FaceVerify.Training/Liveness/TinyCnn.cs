namespace FaceVerify.Cli.Liveness;

/// <summary>A CNN of our own on face crops (issue 13, option b): three 3×3 convolutions (ReLU; 2×2 max-pool after the first two), global mean, one output per family.</summary>
internal sealed record CnnOptions(int Epochs = 10, int Batch = 32, double LearningRate = 0.003, double WeightDecay = 1e-4, int C1 = 8, int C2 = 16, int C3 = 16, bool Augment = true);

/// <summary>
/// The network and its training, plain C# on floats: input <see cref="LivenessCropCache.Channels"/> planes of
/// <see cref="LivenessCropCache.Side"/>², weighted cross-entropy per family as the other heads, minibatch Adam, weight
/// decay, and augmentation (mirror, per-channel gain, brightness, a shift of up to 2 pixels) drawn from a seeded
/// generator: the same data and seed give the same weights.
/// </summary>
internal sealed class TinyCnn
{
    private const int K = 9;
    private readonly int _c0 = LivenessCropCache.Channels, _c1, _c2, _c3, _families, _s = LivenessCropCache.Side;
    private readonly float[][] _p;  // W1 B1 W2 B2 W3 B3 V c

    private TinyCnn(CnnOptions o, int families, Random random)
    {
        (_c1, _c2, _c3, _families) = (o.C1, o.C2, o.C3, families);
        _p =
        [
            Init(random, _c1 * _c0 * K, _c0 * K), new float[_c1],
            Init(random, _c2 * _c1 * K, _c1 * K), new float[_c2],
            Init(random, _c3 * _c2 * K, _c2 * K), new float[_c3],
            Init(random, families * _c3, _c3), new float[families],
        ];
    }

    public double Logit(double[] x) => Forward(x.Select(v => (float)v).ToArray(), null).Min();

    /// <param name="families">Per family: each picture's target (1 live, 0 attack) or null when the family does not train on it, and its weight.</param>
    public static TinyCnn Fit(IReadOnlyList<double[]> x, IReadOnlyList<(double? Target, double Weight)[]> families, CnnOptions options, int seed)
    {
        var random = new Random(seed);
        var net = new TinyCnn(options, families.Count, random);
        var inputs = x.Select(r => r.Select(v => (float)v).ToArray()).ToArray();
        var n = inputs.Length;
        var totals = families.Select(f => f.Sum(t => t.Target is null ? 0 : t.Weight)).ToArray();
        var grads = net._p.Select(p => new float[p.Length]).ToArray();
        var m = net._p.Select(p => new double[p.Length]).ToArray();
        var v = net._p.Select(p => new double[p.Length]).ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        var step = 0;
        var buffer = new float[inputs[0].Length];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < n; start += options.Batch)
            {
                foreach (var g in grads) Array.Clear(g);
                var end = Math.Min(n, start + options.Batch);
                for (var b = start; b < end; b++)
                {
                    var i = order[b];
                    var input = options.Augment ? net.Augment(inputs[i], buffer, random) : inputs[i];
                    var cache = new Cache();
                    var o = net.Forward(input, cache);
                    var dO = new float[o.Length];
                    var any = false;
                    for (var f = 0; f < o.Length; f++)
                    {
                        if (families[f][i].Target is not { } t) continue;
                        dO[f] = (float)(families[f][i].Weight * n / totals[f] / (end - start) * (1 / (1 + Math.Exp(-o[f])) - t));
                        any = true;
                    }
                    if (any) net.Backward(input, cache, dO, grads);
                }
                step++;
                double c1 = 1 - Math.Pow(0.9, step), c2 = 1 - Math.Pow(0.999, step);
                for (var k = 0; k < net._p.Length; k++)
                {
                    var decay = k % 2 == 0 ? options.WeightDecay : 0;  // weights, not biases
                    for (var j = 0; j < net._p[k].Length; j++)
                    {
                        var g = grads[k][j] + decay * net._p[k][j];
                        m[k][j] = 0.9 * m[k][j] + 0.1 * g;
                        v[k][j] = 0.999 * v[k][j] + 0.001 * g * g;
                        net._p[k][j] -= (float)(options.LearningRate * (m[k][j] / c1) / (Math.Sqrt(v[k][j] / c2) + 1e-8));
                    }
                }
            }
        }
        return net;
    }

    private sealed class Cache
    {
        public float[] A1 = [], P1 = [], A2 = [], P2 = [], A3 = [], G = [];
        public int[] I1 = [], I2 = [];
    }

    private double[] Forward(float[] x, Cache? cache)
    {
        int s1 = _s, s2 = _s / 2, s3 = _s / 4;
        var a1 = Conv(x, _c0, s1, _p[0], _p[1], _c1);
        var (p1, i1) = ReluPool(a1, _c1, s1);
        var a2 = Conv(p1, _c1, s2, _p[2], _p[3], _c2);
        var (p2, i2) = ReluPool(a2, _c2, s2);
        var a3 = Conv(p2, _c2, s3, _p[4], _p[5], _c3);
        var g = new float[_c3];
        for (var c = 0; c < _c3; c++)
        {
            var sum = 0f;
            for (var k = 0; k < s3 * s3; k++) sum += Math.Max(0, a3[c * s3 * s3 + k]);
            g[c] = sum / (s3 * s3);
        }
        var o = new double[_families];
        for (var f = 0; f < _families; f++)
        {
            var sum = (double)_p[7][f];
            for (var c = 0; c < _c3; c++) sum += _p[6][f * _c3 + c] * g[c];
            o[f] = sum;
        }
        if (cache is not null) (cache.A1, cache.P1, cache.I1, cache.A2, cache.P2, cache.I2, cache.A3, cache.G) = (a1, p1, i1, a2, p2, i2, a3, g);
        return o;
    }

    private void Backward(float[] x, Cache c, float[] dO, float[][] grads)
    {
        int s1 = _s, s2 = _s / 2, s3 = _s / 4;
        var dg = new float[_c3];
        for (var f = 0; f < _families; f++)
        {
            if (dO[f] == 0) continue;
            grads[7][f] += dO[f];
            for (var k = 0; k < _c3; k++) { grads[6][f * _c3 + k] += dO[f] * c.G[k]; dg[k] += dO[f] * _p[6][f * _c3 + k]; }
        }
        var da3 = new float[c.A3.Length];
        for (var k = 0; k < _c3; k++)
            for (var q = 0; q < s3 * s3; q++) da3[k * s3 * s3 + q] = c.A3[k * s3 * s3 + q] > 0 ? dg[k] / (s3 * s3) : 0;
        var dp2 = new float[c.P2.Length];
        ConvBack(c.P2, _c2, s3, _p[4], _c3, da3, grads[4], grads[5], dp2);
        var da2 = Unpool(dp2, c.P2, c.I2, c.A2.Length);
        var dp1 = new float[c.P1.Length];
        ConvBack(c.P1, _c1, s2, _p[2], _c2, da2, grads[2], grads[3], dp1);
        var da1 = Unpool(dp1, c.P1, c.I1, c.A1.Length);
        ConvBack(x, _c0, s1, _p[0], _c1, da1, grads[0], grads[1], null);
    }

    /// <summary>3×3 convolution, stride 1, zero padding 1.</summary>
    private static float[] Conv(float[] input, int cin, int size, float[] w, float[] b, int cout)
    {
        var plane = size * size;
        var output = new float[cout * plane];
        for (var co = 0; co < cout; co++)
        {
            Array.Fill(output, b[co], co * plane, plane);
            for (var ci = 0; ci < cin; ci++)
                for (var ky = 0; ky < 3; ky++)
                    for (var kx = 0; kx < 3; kx++)
                    {
                        var wv = w[((co * cin + ci) * 3 + ky) * 3 + kx];
                        int x0 = Math.Max(0, 1 - kx), x1 = Math.Min(size, size + 1 - kx);
                        for (var y = 0; y < size; y++)
                        {
                            var iy = y + ky - 1;
                            if (iy < 0 || iy >= size) continue;
                            int o = co * plane + y * size, i = ci * plane + iy * size + kx - 1;
                            for (var xx = x0; xx < x1; xx++) output[o + xx] += wv * input[i + xx];
                        }
                    }
        }
        return output;
    }

    /// <summary>Gradients of <see cref="Conv"/>: accumulates into dW and dB, and into dIn when given.</summary>
    private static void ConvBack(float[] input, int cin, int size, float[] w, int cout, float[] dOut, float[] dW, float[] dB, float[]? dIn)
    {
        var plane = size * size;
        for (var co = 0; co < cout; co++)
        {
            var sum = 0f;
            for (var q = 0; q < plane; q++) sum += dOut[co * plane + q];
            if (sum == 0 && AllZero(dOut, co * plane, plane)) continue;
            dB[co] += sum;
            for (var ci = 0; ci < cin; ci++)
                for (var ky = 0; ky < 3; ky++)
                    for (var kx = 0; kx < 3; kx++)
                    {
                        var wi = ((co * cin + ci) * 3 + ky) * 3 + kx;
                        var wv = w[wi];
                        var acc = 0f;
                        int x0 = Math.Max(0, 1 - kx), x1 = Math.Min(size, size + 1 - kx);
                        for (var y = 0; y < size; y++)
                        {
                            var iy = y + ky - 1;
                            if (iy < 0 || iy >= size) continue;
                            int o = co * plane + y * size, i = ci * plane + iy * size + kx - 1;
                            for (var xx = x0; xx < x1; xx++)
                            {
                                var d = dOut[o + xx];
                                acc += d * input[i + xx];
                                if (dIn is not null) dIn[i + xx] += wv * d;
                            }
                        }
                        dW[wi] += acc;
                    }
        }
    }

    private static bool AllZero(float[] a, int start, int length)
    {
        for (var k = start; k < start + length; k++) if (a[k] != 0) return false;
        return true;
    }

    /// <summary>ReLU then 2×2 max-pool; the index of each maximum in the input, for the backward pass.</summary>
    private static (float[] Output, int[] Index) ReluPool(float[] a, int channels, int size)
    {
        var half = size / 2;
        var output = new float[channels * half * half];
        var index = new int[output.Length];
        for (var c = 0; c < channels; c++)
            for (var y = 0; y < half; y++)
                for (var x = 0; x < half; x++)
                {
                    int best = c * size * size + 2 * y * size + 2 * x;
                    foreach (var k in (ReadOnlySpan<int>)[1, size, size + 1])
                        if (a[c * size * size + 2 * y * size + 2 * x + k] > a[best]) best = c * size * size + 2 * y * size + 2 * x + k;
                    var o = c * half * half + y * half + x;
                    output[o] = Math.Max(0, a[best]);
                    index[o] = best;
                }
        return (output, index);
    }

    /// <summary>Routes pooled gradients back to each maximum, through the ReLU (zero where the maximum was not positive).</summary>
    private static float[] Unpool(float[] dPooled, float[] pooled, int[] index, int length)
    {
        var d = new float[length];
        for (var k = 0; k < dPooled.Length; k++) if (pooled[k] > 0) d[index[k]] += dPooled[k];
        return d;
    }

    private float[] Augment(float[] x, float[] buffer, Random random)
    {
        var mirror = random.NextDouble() < 0.5;
        int dx = random.Next(-2, 3), dy = random.Next(-2, 3);
        var brightness = (float)(random.NextDouble() * 0.16 - 0.08);
        Span<float> gain = stackalloc float[3];
        for (var c = 0; c < 3; c++) gain[c] = (float)(0.85 + random.NextDouble() * 0.3);
        var plane = _s * _s;
        for (var ch = 0; ch < _c0; ch++)
            for (var y = 0; y < _s; y++)
                for (var xx = 0; xx < _s; xx++)
                {
                    var sx = Math.Clamp((mirror ? _s - 1 - xx : xx) + dx, 0, _s - 1);
                    var sy = Math.Clamp(y + dy, 0, _s - 1);
                    buffer[ch * plane + y * _s + xx] = (x[ch * plane + sy * _s + sx] + 0.5f) * gain[ch % 3] - 0.5f + brightness;
                }
        return buffer;
    }

    private static float[] Init(Random random, int count, int fanIn)
    {
        var limit = Math.Sqrt(6.0 / fanIn);
        return Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2 - 1) * limit)).ToArray();
    }
}
