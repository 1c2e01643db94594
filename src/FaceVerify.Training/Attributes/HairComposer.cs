using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Cli.Training;

/// <summary>
/// Builds the synthetic hair-over-the-eyes pictures: real hair cut from a forehead-covered face (the pixels of
/// the band above the brows whose colour is not the donor's skin) is carried by the similarity that maps the
/// donor's eyes onto the target's, shifted down by a share of the target's eye distance so the fringe falls
/// over the eyes, and blended with a soft edge into a real face picture. The result then goes through the whole
/// pipeline like any photo. No such labelled set exists; figures on it are figures on synthetic data.
/// </summary>
internal sealed class HairComposer
{
    private const float BandHeight = 1.6f; // × eye distance above the brows
    private const float Taper = 0.3f; // × eye distance: the band fades in at its sides and top instead of a cut edge
    private readonly RgbImage _donor;
    private readonly float[] _alpha; // per donor pixel, 0 outside the hair band
    private readonly Point2 _eyeL, _eyeR;

    private HairComposer(RgbImage donor, float[] alpha, Point2 eyeL, Point2 eyeR, double lowHairShare)
    {
        _donor = donor; _alpha = alpha; _eyeL = eyeL; _eyeR = eyeR; LowHairShare = lowHairShare;
    }

    /// <summary>Share of the band's lowest third that is hair: a fringe that stops high cannot cover eyes.</summary>
    public double LowHairShare { get; }

    public static HairComposer FromDonor(RgbImage image, IReadOnlyList<Point2> p)
    {
        var five = Landmarks.ToFive(p);
        var iod = Dist(five[0], five[1]);
        var skin = SkinModel(image, p, five, iod);
        var w = image.Width;
        var h = image.Height;
        var hair = new float[w * h];
        int low = 0, lowHair = 0;
        var x0 = (int)Math.Max(0, p[17].X - 0.15f * iod);
        var x1 = (int)Math.Min(w - 1, p[26].X + 0.15f * iod);
        for (var x = x0; x <= x1; x++)
        {
            var brow = BrowY(p, x);
            var top = (int)Math.Max(0, brow - BandHeight * iod);
            for (var y = top; y < (int)Math.Min(h, brow); y++)
            {
                var isHair = skin.IsHair(image, x, y) ? 1f : 0f;
                var edge = Math.Min(Math.Min(x - x0, x1 - x), y - (brow - BandHeight * iod)) / (Taper * iod);
                hair[y * w + x] = isHair * Math.Clamp(edge, 0, 1);
                if (y > brow - 0.35f * iod) { low++; lowHair += (int)isHair; }
            }
        }
        return new HairComposer(image, Feather(hair, w, h, 2), five[0], five[1], low == 0 ? 0 : (double)lowHair / low);
    }

    /// <summary>The target picture with the donor's hair over its eyes; <paramref name="drop"/> is the shift in eye distances.</summary>
    public RgbImage PasteOnto(RgbImage target, IReadOnlyList<Point2> targetLandmarks, float drop)
    {
        var five = Landmarks.ToFive(targetLandmarks);
        Point2 tl = five[0], tr = five[1];
        // Similarity target → donor from the two eye centres: z_d = a·(z_t − shift − tl) + dl in complex numbers.
        var (ax, ay) = Divide(_eyeR.X - _eyeL.X, _eyeR.Y - _eyeL.Y, tr.X - tl.X, tr.Y - tl.Y);
        var iodT = Dist(tl, tr);
        // "Down" is perpendicular to the eye line, so a tilted head gets its fringe along its own face.
        var ux = (tr.X - tl.X) / iodT;
        var uy = (tr.Y - tl.Y) / iodT;
        float sx = -uy * drop * iodT, sy = ux * drop * iodT;
        var output = (byte[])target.Pixels.Clone();
        int w = target.Width, h = target.Height;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                float rx = x - sx - tl.X, ry = y - sy - tl.Y;
                var dx = ax * rx - ay * ry + _eyeL.X;
                var dy = ay * rx + ax * ry + _eyeL.Y;
                var xi = (int)MathF.Round(dx);
                var yi = (int)MathF.Round(dy);
                if (xi < 0 || yi < 0 || xi >= _donor.Width || yi >= _donor.Height) continue;
                var a = _alpha[yi * _donor.Width + xi];
                if (a <= 0) continue;
                var o = (y * w + x) * 3;
                var s = (yi * _donor.Width + xi) * 3;
                for (var c = 0; c < 3; c++) output[o + c] = (byte)Math.Clamp(a * _donor.Pixels[s + c] + (1 - a) * output[o + c] + 0.5f, 0, 255);
            }
        }
        return new RgbImage(w, h, output);
    }

    private static (float, float) Divide(float a, float b, float c, float d)
    {
        var den = c * c + d * d;
        return ((a * c + b * d) / den, (b * c - a * d) / den);
    }

    private static float BrowY(IReadOnlyList<Point2> p, float x)
    {
        // The brow line (points 17–26, across the gap between the brows) interpolated at x, flat beyond its ends.
        for (var i = 17; i < 26; i++)
        {
            var (a, b) = (p[i], p[i + 1]);
            if (x >= a.X && x <= b.X) return a.Y + (b.Y - a.Y) * (x - a.X) / Math.Max(1e-3f, b.X - a.X);
        }
        return x < p[17].X ? p[17].Y : p[26].Y;
    }

    private static float[] Feather(float[] mask, int w, int h, int radius)
    {
        var result = new float[mask.Length];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                if (mask[y * w + x] == 0 && !Near(mask, w, h, x, y, radius)) continue;
                float sum = 0; var n = 0;
                for (var v = Math.Max(0, y - radius); v <= Math.Min(h - 1, y + radius); v++)
                    for (var u = Math.Max(0, x - radius); u <= Math.Min(w - 1, x + radius); u++) { sum += mask[v * w + u]; n++; }
                result[y * w + x] = sum / n;
            }
        return result;
    }

    private static bool Near(float[] mask, int w, int h, int x, int y, int r)
    {
        for (var v = Math.Max(0, y - r); v <= Math.Min(h - 1, y + r); v++)
            for (var u = Math.Max(0, x - r); u <= Math.Min(w - 1, x + r); u++)
                if (mask[v * w + u] > 0) return true;
        return false;
    }

    private static float Dist(Point2 a, Point2 b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    /// <summary>Skin colour from the cheeks beside the nose (halfway between each eye and mouth corner) and the nose bridge.</summary>
    private static SkinColour SkinModel(RgbImage image, IReadOnlyList<Point2> p, Point2[] five, float iod)
    {
        var centres = new[] { Mid(five[0], p[48]), Mid(five[1], p[54]), p[29] };
        var half = Math.Max(2, (int)(0.12f * iod));
        var samples = new List<(double Y, double Cb, double Cr)>();
        foreach (var c in centres)
            for (var y = (int)c.Y - half; y <= (int)c.Y + half; y++)
                for (var x = (int)c.X - half; x <= (int)c.X + half; x++)
                    if (x >= 0 && y >= 0 && x < image.Width && y < image.Height) samples.Add(SkinColour.YCbCr(image, x, y));
        return new SkinColour(samples.Average(s => s.Y), samples.Average(s => s.Cb), samples.Average(s => s.Cr));
    }

    private static Point2 Mid(Point2 a, Point2 b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    private sealed record SkinColour(double Y, double Cb, double Cr)
    {
        /// <summary>Hair: clearly darker than the skin, or clearly another colour (dyed, grey, blond against tanned skin).</summary>
        public bool IsHair(RgbImage image, int x, int y)
        {
            var (l, cb, cr) = YCbCr(image, x, y);
            return l < Y - 45 || Math.Sqrt((cb - Cb) * (cb - Cb) + (cr - Cr) * (cr - Cr)) > 14;
        }

        public static (double Y, double Cb, double Cr) YCbCr(RgbImage image, int x, int y)
        {
            var i = (y * image.Width + x) * 3;
            return ColourSpace.YCbCr(image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
        }
    }
}
