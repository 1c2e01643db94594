using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Occlusion;

/// <summary>Colour and texture of one rectangle of the aligned face, in YCbCr (BT.601, chroma centred on 0).</summary>
internal readonly record struct RegionStats(double Luma, double LumaSpread, double Cb, double Cr, double Saturation,
    double DarkShare, double BrightShare, double Gradient, double SkinShare)
{
    public const int Count = 9;

    public void CopyTo(List<double> features)
    {
        features.Add(Luma / 255); features.Add(LumaSpread / 64); features.Add(Cb / 32); features.Add(Cr / 32);
        features.Add(Saturation); features.Add(DarkShare); features.Add(BrightShare); features.Add(Gradient / 32); features.Add(SkinShare);
    }

    /// <summary>Chroma distance to another region: a mask or lens differs in colour from the skin around it.</summary>
    public double ChromaDistance(RegionStats other) => Math.Sqrt(Sq(Cb - other.Cb) + Sq(Cr - other.Cr)) / 32;

    private static double Sq(double v) => v * v;
}

/// <summary>Rectangles of the 112×112 template (eyes at y≈52, nose tip y≈72, mouth y≈92) and their statistics.</summary>
internal static class CropRegionStatistics
{
    public static RegionStats Measure(RgbImage aligned, int x0, int y0, int x1, int y1)
    {
        var px = aligned.Pixels;
        var w = aligned.Width;
        double sumY = 0, sumY2 = 0, sumCb = 0, sumCr = 0, sumSat = 0, grad = 0;
        int n = 0, dark = 0, bright = 0, skin = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var i = (y * w + x) * 3;
                double r = px[i], g = px[i + 1], b = px[i + 2];
                var (luma, cb, cr) = ColourSpace.YCbCr(r, g, b);
                var max = Math.Max(r, Math.Max(g, b));
                sumY += luma; sumY2 += luma * luma; sumCb += cb; sumCr += cr;
                sumSat += max <= 0 ? 0 : (max - Math.Min(r, Math.Min(g, b))) / max;
                if (luma < 50) dark++;
                if (luma > 225) bright++;
                // The classic YCbCr skin box (Chai & Ngan), shifted to chroma centred on 0.
                if (cr is >= 5 and <= 45 && cb is >= -51 and <= -1) skin++;
                if (x + 1 < x1 && y + 1 < y1)
                    grad += Math.Abs(aligned.Luma(x + 1, y) - luma) + Math.Abs(aligned.Luma(x, y + 1) - luma);
                n++;
            }
        }
        var mean = sumY / n;
        var spread = Math.Sqrt(Math.Max(0, sumY2 / n - mean * mean));
        var inner = Math.Max(1, (x1 - x0 - 1) * (y1 - y0 - 1));
        return new RegionStats(mean, spread, sumCb / n, sumCr / n, sumSat / n, (double)dark / n, (double)bright / n, grad / inner, (double)skin / n);
    }

    /// <summary>Share of the region's pixels whose chroma is far from the reference's (distance in units of 32) or whose luma differs by over 60.</summary>
    public static double ShareUnlike(RgbImage aligned, (int X0, int Y0, int X1, int Y1) r, RegionStats reference, double chromaDistance)
    {
        var n = 0; var unlike = 0;
        ForEach(aligned, r, (luma, cb, cr) =>
        {
            n++;
            var d = Math.Sqrt((cb - reference.Cb) * (cb - reference.Cb) + (cr - reference.Cr) * (cr - reference.Cr)) / 32;
            if (d > chromaDistance || Math.Abs(luma - reference.Luma) > 60) unlike++;
        });
        return (double)unlike / Math.Max(1, n);
    }

    /// <summary>Share of the region's pixels darker than the given luma.</summary>
    public static double ShareDarker(RgbImage aligned, (int X0, int Y0, int X1, int Y1) r, double luma)
    {
        var n = 0; var dark = 0;
        ForEach(aligned, r, (l, _, _) => { n++; if (l < luma) dark++; });
        return (double)dark / Math.Max(1, n);
    }

    /// <summary>Share of pixels that are exactly black in all three channels: the aligner's fill outside the picture.</summary>
    public static double ShareFill(RgbImage aligned, (int X0, int Y0, int X1, int Y1) r)
    {
        var n = 0; var fill = 0;
        var px = aligned.Pixels;
        for (var y = r.Y0; y < r.Y1; y++)
            for (var x = r.X0; x < r.X1; x++, n++)
            {
                var i = (y * aligned.Width + x) * 3;
                if (px[i] == 0 && px[i + 1] == 0 && px[i + 2] == 0) fill++;
            }
        return (double)fill / Math.Max(1, n);
    }

    private static void ForEach(RgbImage aligned, (int X0, int Y0, int X1, int Y1) r, Action<double, double, double> visit)
    {
        var px = aligned.Pixels;
        for (var y = r.Y0; y < r.Y1; y++)
            for (var x = r.X0; x < r.X1; x++)
            {
                var i = (y * aligned.Width + x) * 3;
                var (luma, cb, cr) = ColourSpace.YCbCr(px[i], px[i + 1], px[i + 2]);
                visit(luma, cb, cr);
            }
    }
}
