using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Liveness;

/// <summary>
/// HSV saturation and YCbCr chroma statistics of a small RGB image, and its share of specular pixels
/// (bright and nearly colourless: glare on a screen or glossy paper). Recapture through a screen or ink
/// narrows and shifts the chroma of skin.
/// </summary>
internal readonly record struct ColourStats(double SatMean, double SatStd, double CbMean, double CrMean, double CbStd, double CrStd, double Specular)
{
    public static ColourStats Of(RgbImage rgb)
    {
        var px = rgb.Pixels;
        var n = rgb.Width * rgb.Height;
        double sat = 0, sat2 = 0, cb = 0, cb2 = 0, cr = 0, cr2 = 0;
        var specular = 0;
        for (var i = 0; i < n; i++)
        {
            double r = px[3 * i], g = px[3 * i + 1], b = px[3 * i + 2];
            var max = Math.Max(r, Math.Max(g, b));
            var min = Math.Min(r, Math.Min(g, b));
            var s = max <= 0 ? 0 : (max - min) / max;
            var vb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
            var vr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
            sat += s; sat2 += s * s;
            cb += vb; cb2 += vb * vb;
            cr += vr; cr2 += vr * vr;
            if (max >= 235 && s < 0.2) specular++;
        }
        return new ColourStats(sat / n, Std(sat, sat2, n), cb / n, cr / n, Std(cb, cb2, n), Std(cr, cr2, n), (double)specular / n);
    }

    private static double Std(double sum, double sumSq, int n) => Math.Sqrt(Math.Max(0, sumSq / n - (sum / n) * (sum / n)));
}
