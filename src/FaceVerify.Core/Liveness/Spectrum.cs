namespace FaceVerify.Core.Liveness;

/// <summary>
/// Power spectrum of a small square grey patch (Hann-windowed 2-D DFT, separable radix-2 FFT on n = 64). A recaptured face carries either less fine detail (print, defocus) or periodic
/// pixel-grid interference (moiré) that shows up as isolated peaks in the upper band.
/// </summary>
internal static class Spectrum
{
    /// <summary>
    /// Log share of the (non-DC) energy above half the Nyquist frequency, and the log ratio of the strongest
    /// mid-to-high-band coefficient to that band's median (peaks = periodic patterns).
    /// </summary>
    public static (double HighFreq, double MoirePeak) HighBand(float[] grey, int n)
    {
        var power = Power(grey, n);
        double total = 0, high = 0;
        var band = new List<double>(n * n / 2);
        for (var v = 0; v < n; v++)
        {
            var fv = v < n / 2 ? v : v - n;
            for (var u = 0; u < n; u++)
            {
                var fu = u < n / 2 ? u : u - n;
                if (fu == 0 && fv == 0) continue;
                var radius = Math.Sqrt(fu * fu + fv * fv) / (n / 2.0);
                var p = power[v * n + u];
                total += p;
                if (radius > 0.5) high += p;
                if (radius > 0.3 && radius <= 1) band.Add(p);
            }
        }
        // Only the median and the maximum are read: a selection finds the same values as a full sort at a third of its cost.
        var values = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(band);
        var median = values.Length == 0 ? 0 : Select(values, values.Length / 2);
        var peak = 0.0;
        foreach (var p in values) peak = Math.Max(peak, p);
        return (Math.Log(high / (total + 1e-9) + 1e-6), Math.Log((peak + 1e-6) / (median + 1e-6)));
    }

    /// <summary>The value at <paramref name="rank"/> of the sorted values (quickselect; reorders the span).</summary>
    internal static double Select(Span<double> values, int rank)
    {
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            var pivot = MedianOfThree(values[lo], values[lo + (hi - lo) / 2], values[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j) { (values[i], values[j]) = (values[j], values[i]); i++; j--; }
            }
            if (rank <= j) hi = j;
            else if (rank >= i) lo = i;
            else return values[rank];
        }
        return values[rank];

        static double MedianOfThree(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
    }

    private static double[] Power(float[] grey, int n)
    {
        if (n < 2 || (n & (n - 1)) != 0) throw new ArgumentException("the patch side must be a power of two", nameof(n));
        var mean = grey.Average();
        var window = new double[n];
        for (var i = 0; i < n; i++) window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (n - 1));
        var re = new double[n * n];
        var im = new double[n * n];
        for (var y = 0; y < n; y++)
            for (var x = 0; x < n; x++)
                re[y * n + x] = (grey[y * n + x] - mean) * window[x] * window[y];

        // Radix-2 FFT over rows, then columns: the same spectrum as the direct DFT at a tenth of the cost.
        var rowRe = new double[n];
        var rowIm = new double[n];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var line = 0; line < n; line++)
            {
                for (var i = 0; i < n; i++)
                {
                    var index = pass == 0 ? line * n + i : i * n + line;
                    rowRe[i] = re[index];
                    rowIm[i] = im[index];
                }
                Fft(rowRe, rowIm);
                for (var i = 0; i < n; i++)
                {
                    var index = pass == 0 ? line * n + i : i * n + line;
                    re[index] = rowRe[i];
                    im[index] = rowIm[i];
                }
            }
        }
        var power = new double[n * n];
        for (var i = 0; i < power.Length; i++) power[i] = re[i] * re[i] + im[i] * im[i];
        return power;
    }

    /// <summary>In-place iterative radix-2 FFT (forward, e^{−2πi·kx/n}).</summary>
    private static void Fft(double[] re, double[] im)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { (re[i], re[j]) = (re[j], re[i]); (im[i], im[j]) = (im[j], im[i]); }
        }
        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = -2 * Math.PI / length;
            double wr = Math.Cos(angle), wi = Math.Sin(angle);
            for (var start = 0; start < n; start += length)
            {
                double cr = 1, ci = 0;
                for (var k = 0; k < length / 2; k++)
                {
                    int a = start + k, b = a + length / 2;
                    double tr = re[b] * cr - im[b] * ci, ti = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - tr; im[b] = im[a] - ti;
                    re[a] += tr; im[a] += ti;
                    (cr, ci) = (cr * wr - ci * wi, cr * wi + ci * wr);
                }
            }
        }
    }
}
