using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Quality;

/// <summary>Measures the quality figures the rules need: sharpness, exposure, lighting, colour, background.</summary>
public static class QualityMeter
{
    // Inner face region of the aligned crop: brows to chin, cheek to cheek, little hair or background.
    private const int Top = 28, Bottom = 104, Left = 18, Right = 94;

    public static FaceQuality MeasureFace(RgbImage aligned)
    {
        var w = aligned.Width;
        var grey = aligned.LumaPlane();

        double sum = 0, sumSq = 0, sumLeft = 0, sumRight = 0, lapSum = 0, lapSq = 0;
        int n = 0, nLeft = 0, nRight = 0, clipped = 0;
        var histogram = new int[256];
        var mid = (Left + Right) / 2;
        for (var y = Top; y < Bottom; y++)
        {
            for (var x = Left; x < Right; x++)
            {
                var g = grey[y * w + x];
                sum += g; sumSq += g * g; n++;
                histogram[Math.Clamp((int)g, 0, 255)]++;
                if (g >= 250) clipped++;
                if (x < mid) { sumLeft += g; nLeft++; } else { sumRight += g; nRight++; }
                var lap = grey[(y - 1) * w + x] + grey[(y + 1) * w + x] + grey[y * w + x - 1] + grey[y * w + x + 1] - 4 * g;
                lapSum += lap; lapSq += lap * lap;
            }
        }
        var mean = sum / n;
        var variance = Math.Max(1e-6, sumSq / n - mean * mean);
        var lapMean = lapSum / n;
        var lapVariance = lapSq / n - lapMean * lapMean;
        var asymmetry = Math.Abs(sumLeft / nLeft - sumRight / nRight) / Math.Max(1, mean);
        // Laplacian energy relative to the face's highlights: exposure scales both alike, so a dark face is not
        // read as a blurred one (measured on LFW and MEDS faces, darkened ×0.3 and blurred σ 2 and 3.5).
        var highlight = Percentile(histogram, n, 0.98);
        var sharpness = 1000 * lapVariance / Math.Pow(Math.Max(16, highlight), 2);
        return new FaceQuality(sharpness, mean, asymmetry, (double)clipped / n)
        {
            Highlight = highlight,
            Contrast = Math.Sqrt(variance),
            LaplacianVariance = lapVariance,
        };
    }

    private static double Percentile(int[] histogram, int count, double fraction)
    {
        var target = fraction * count;
        var seen = 0;
        for (var v = 0; v < histogram.Length; v++)
            if ((seen += histogram[v]) >= target) return v;
        return 255;
    }

    /// <summary>
    /// Mean spread between the strongest and weakest channel over the pixels that are not paper-white; near 0
    /// for a grey image. White pixels carry no evidence either way, and counting them let a white background
    /// dilute a colour photo towards "grey" (a small face on white read under 4).
    /// </summary>
    /// <remarks>A pointer loop (no bounds checks, no branch on white): it reads up to 65,536 pixels of every picture.</remarks>
    public static unsafe double Colourfulness(RgbImage image)
    {
        var pixels = image.Width * image.Height;
        var step = Math.Max(1, pixels / 65_536);
        long spread = 0, count = 0;
        fixed (byte* px = image.Pixels)
        {
            var end = px + 3L * pixels;
            for (var p = px; p < end; p += 3 * step)
            {
                int r = p[0], g = p[1], b = p[2];
                int max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
                var coloured = min < PaperWhite ? 1 : 0;
                spread += (max - min) * coloured;
                count += coloured;
            }
        }
        return count == 0 ? 0 : (double)spread / count;
    }

    /// <summary>Every channel at least this bright: white paper or backdrop, whatever JPEG did to its chroma.</summary>
    private const int PaperWhite = 230;

    /// <summary>
    /// Reads the background above and beside the head: the band above the hair and the strips left and right
    /// of the head down to the face's middle. Without a face, the top band and the upper side strips.
    /// </summary>
    public static BackgroundReading MeasureBackground(RgbImage image, FaceBox? face)
    {
        int w = image.Width, h = image.Height;
        int topBand, sideRows, leftEnd, rightStart;
        if (face is { } f)
        {
            topBand = (int)Math.Clamp(f.Y - 0.45f * f.Height, 0, h);
            sideRows = (int)Math.Clamp(f.CenterY, 0, h);
            leftEnd = (int)Math.Clamp(f.X - 0.35f * f.Width, 0, w);
            rightStart = (int)Math.Clamp(f.Right + 0.35f * f.Width, 0, w);
        }
        else
        {
            topBand = h / 8; sideRows = h / 2; leftEnd = w / 10; rightStart = w - w / 10;
        }
        // A compliant photo's face may fill so much of the width that the margins above leave no strip at all:
        // the image's own top and side edges are always read, so an empty region never counts as "not white".
        var edge = Math.Max(2, Math.Min(w, h) / 25);
        topBand = Math.Max(topBand, Math.Min(edge, h));
        leftEnd = Math.Max(leftEnd, Math.Min(edge, w));
        rightStart = Math.Min(rightStart, Math.Max(w - edge, 0));
        sideRows = Math.Max(sideRows, Math.Min(edge, h));
        long white = 0, count = 0;
        double luma = 0;
        var px = image.Pixels;
        for (var y = 0; y < sideRows; y++)
        {
            for (var x = 0; x < w; x++)
            {
                if (y >= topBand && x >= leftEnd && x < rightStart) continue;
                var i = (y * w + x) * 3;
                int r = px[i], g = px[i + 1], b = px[i + 2];
                var l = 0.299 * r + 0.587 * g + 0.114 * b;
                var spread = Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b));
                if (l >= 200 && spread <= 30) white++;
                luma += l; count++;
            }
        }
        return count == 0 ? new BackgroundReading(0, 0) : new BackgroundReading((double)white / count, luma / count);
    }
}
