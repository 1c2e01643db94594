using FaceVerify.Core.Faces;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceVerify.Tests;

/// <summary>
/// Replaces a plain studio wall by a flat colour: a flood fill from the image border that spreads to a
/// neighbour when its colour is close both to the wall's colour and to the pixel it comes from, so it stops
/// at the outline of hair, skin and clothes instead of leaking through a soft gradient.
/// </summary>
internal static class WallFill
{
    /// <summary>Euclidean RGB distance from the wall's median colour that a wall pixel may have (lit unevenly).</summary>
    private const int FromWall = 45;
    /// <summary>Euclidean RGB distance between neighbours that still counts as the same smooth surface.</summary>
    private const int Step = 10;

    /// <summary>Fills the wall around <paramref name="face"/>; the head itself (an ellipse around the face box) is never filled.</summary>
    public static void Replace(Image<Rgb24> image, FaceBox face, Rgb24 colour)
    {
        int w = image.Width, h = image.Height;
        var px = new Rgb24[w * h];
        image.CopyPixelDataTo(px);
        var wall = MedianOfTopAndSides(px, w, h);
        var inWall = new bool[w * h];
        // Pale skin under a pale wall is as close to the wall as the wall's own shading: around the head (an
        // ellipse around the face box) the fill must match the wall much more closely to spread.
        float cx = face.CenterX, cy = face.CenterY, rx = 0.6f * face.Width, ry = 0.65f * face.Height;
        var head = new bool[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                head[y * w + x] = (x - cx) * (x - cx) / (rx * rx) + (y - cy) * (y - cy) / (ry * ry) <= 1;
        var queue = new Queue<int>();
        void Seed(int i)
        {
            if (!inWall[i] && !head[i] && Distance(px[i], wall) <= FromWall) { inWall[i] = true; queue.Enqueue(i); }
        }
        // The top edge and the upper two thirds of the sides: the bottom edge is usually clothes.
        for (var x = 0; x < w; x++) Seed(x);
        for (var y = 0; y < h * 2 / 3; y++) { Seed(y * w); Seed(y * w + w - 1); }

        while (queue.Count > 0)
        {
            var i = queue.Dequeue();
            int x = i % w, y = i / w;
            foreach (var n in new[] { x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1 })
            {
                if (n < 0 || inWall[n]) continue;
                var (fromWall, step) = head[n] ? (FromWall / 2, Step / 2) : (FromWall, Step);
                if (Distance(px[n], wall) > fromWall || Distance(px[n], px[i]) > step) continue;
                inWall[n] = true;
                queue.Enqueue(n);
            }
        }
        // One pixel more around the filled region: the anti-aliased seam would otherwise leave a grey halo.
        var grown = (bool[])inWall.Clone();
        for (var y = 1; y < h - 1; y++)
            for (var x = 1; x < w - 1; x++)
                if (!inWall[y * w + x] && !head[y * w + x] && (inWall[y * w + x - 1] || inWall[y * w + x + 1] || inWall[(y - 1) * w + x] || inWall[(y + 1) * w + x]))
                    grown[y * w + x] = true;

        for (var i = 0; i < px.Length; i++) if (grown[i]) px[i] = colour;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < h; y++) px.AsSpan(y * w, w).CopyTo(rows.GetRowSpan(y));
        });
    }

    private static Rgb24 MedianOfTopAndSides(Rgb24[] px, int w, int h)
    {
        var samples = new List<Rgb24>();
        for (var x = 0; x < w; x++) samples.Add(px[x]);
        for (var y = 0; y < h / 2; y++) { samples.Add(px[y * w]); samples.Add(px[y * w + w - 1]); }
        byte Median(Func<Rgb24, byte> channel) => samples.Select(channel).Order().ElementAt(samples.Count / 2);
        return new Rgb24(Median(p => p.R), Median(p => p.G), Median(p => p.B));
    }

    private static double Distance(Rgb24 a, Rgb24 b)
    {
        int dr = a.R - b.R, dg = a.G - b.G, db = a.B - b.B;
        return Math.Sqrt(dr * dr + dg * dg + db * db);
    }
}
