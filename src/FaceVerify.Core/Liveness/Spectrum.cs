namespace FaceVerify.Core.Liveness;

/// <summary>
/// Power spectrum of a small square grey patch (Hann-windowed 2-D DFT, separable, O(n³) on n = 64: half a
/// million multiply-adds, no FFT needed). A recaptured face carries either less fine detail (print, defocus) or periodic
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
        band.Sort();
        var median = band.Count == 0 ? 0 : band[band.Count / 2];
        var peak = band.Count == 0 ? 0 : band[^1];
        return (Math.Log(high / (total + 1e-9) + 1e-6), Math.Log((peak + 1e-6) / (median + 1e-6)));
    }

    private static double[] Power(float[] grey, int n)
    {
        var mean = grey.Average();
        var window = new double[n];
        for (var i = 0; i < n; i++) window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (n - 1));
        var cos = new double[n];
        var sin = new double[n];
        for (var k = 0; k < n; k++) { cos[k] = Math.Cos(2 * Math.PI * k / n); sin[k] = -Math.Sin(2 * Math.PI * k / n); }

        // Rows first: re/im of each row's DFT.
        var re = new double[n * n];
        var im = new double[n * n];
        for (var y = 0; y < n; y++)
        {
            for (var u = 0; u < n; u++)
            {
                double sr = 0, si = 0;
                for (var x = 0; x < n; x++)
                {
                    var value = (grey[y * n + x] - mean) * window[x] * window[y];
                    var k = (u * x) % n;
                    sr += value * cos[k];
                    si += value * sin[k];
                }
                re[y * n + u] = sr;
                im[y * n + u] = si;
            }
        }
        var power = new double[n * n];
        for (var u = 0; u < n; u++)
        {
            for (var v = 0; v < n; v++)
            {
                double sr = 0, si = 0;
                for (var y = 0; y < n; y++)
                {
                    var k = (v * y) % n;
                    double a = re[y * n + u], b = im[y * n + u];
                    sr += a * cos[k] - b * sin[k];
                    si += a * sin[k] + b * cos[k];
                }
                power[v * n + u] = sr * sr + si * si;
            }
        }
        return power;
    }
}
