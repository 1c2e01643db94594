using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Liveness;

/// <summary>
/// Hand-made traces that a print or a screen leaves on a face picture, measured on small fixed-size
/// resamplings so the cost does not grow with the photo (a few milliseconds): colour statistics of the
/// face and of its 2.7× surroundings, high-frequency and periodic (moiré) energy, specular highlights,
/// sharpness of the face against its surroundings, and long straight edges around the face (bezels, paper).
/// </summary>
public static class PresentationCues
{
    private const int FaceSize = 64;
    private const int ContextSize = 96;

    /// <summary>Cue names in the order <see cref="Measure"/> returns them; the fusion weights name them too.</summary>
    public static readonly string[] Names =
    [
        "faceSatMean", "faceSatStd", "faceCbMean", "faceCrMean", "faceCbStd", "faceCrStd",
        "contextSatMean", "contextChromaStd", "faceHighFreq", "faceMoirePeak", "faceDetail",
        "sharpnessRatio", "specular", "edgeLines", "faceDarkLevel", "faceRange", "sceneDarkLevel",
    ];

    public static double[] Measure(RgbImage image, FaceBox face, FaceBox context)
    {
        // Inner face: the detector box shrunk a little so hair and background stay out.
        var inner = new FaceBox(face.X + face.Width * 0.1f, face.Y + face.Height * 0.1f, face.Width * 0.8f, face.Height * 0.8f);
        var faceRgb = PixelSampler.Warp(image, Affine.ForCrop(inner.X, inner.Y, inner.Width, inner.Height, FaceSize, FaceSize), FaceSize, FaceSize);
        var contextRgb = PixelSampler.Warp(image, Affine.ForCrop(context.X, context.Y, context.Width, context.Height, ContextSize, ContextSize), ContextSize, ContextSize);

        var faceColour = ColourStats.Of(faceRgb);
        var contextColour = ColourStats.Of(contextRgb);
        var faceGrey = faceRgb.LumaPlane();
        var (highFreq, moire) = Spectrum.HighBand(faceGrey, FaceSize);
        var contextGrey = contextRgb.LumaPlane();
        // Paper cannot print a pupil or hair as dark as the camera sees it, nor the room's deep shadows.
        var sceneGrey = PixelSampler.Warp(image, Affine.ForCrop(0, 0, image.Width, image.Height, ContextSize, ContextSize), ContextSize, ContextSize).LumaPlane();
        var faceInContext = FaceWithin(face, context);
        double faceDark = Percentile(faceGrey, 0.02), faceLight = Percentile(faceGrey, 0.98);

        return
        [
            faceColour.SatMean, faceColour.SatStd, faceColour.CbMean, faceColour.CrMean, faceColour.CbStd, faceColour.CrStd,
            contextColour.SatMean, (contextColour.CbStd + contextColour.CrStd) / 2,
            highFreq, moire, Detail(faceGrey, FaceSize),
            SharpnessRatio(contextGrey, ContextSize, faceInContext), faceColour.Specular, EdgeLines(contextGrey, ContextSize, faceInContext),
            faceDark, faceLight - faceDark, Percentile(sceneGrey, 0.02),
        ];
    }

    /// <summary>
    /// The value at rank round(q·(n−1)) of the sorted grey levels (0..255), found through a histogram of
    /// quarter levels and a sort of the one bucket holding that rank: the same value a full sort gives, for
    /// a fraction of its cost.
    /// </summary>
    private static double Percentile(float[] values, double q)
    {
        const int Buckets = 1024;
        var rank = (int)Math.Round(q * (values.Length - 1));
        var counts = new int[Buckets];
        foreach (var v in values) counts[Bucket(v)]++;
        var bucket = 0;
        for (var seen = 0; bucket < Buckets; bucket++)
        {
            if (seen + counts[bucket] > rank) { rank -= seen; break; }
            seen += counts[bucket];
        }
        var members = new float[counts[bucket]];
        var n = 0;
        foreach (var v in values) if (Bucket(v) == bucket) members[n++] = v;
        Array.Sort(members);
        return members[rank];

        static int Bucket(float v) => Math.Clamp((int)(v * 4), 0, Buckets - 1);
    }

    /// <summary>The face box in the context resampling's pixel coordinates.</summary>
    private static (int X0, int Y0, int X1, int Y1) FaceWithin(FaceBox face, FaceBox context)
    {
        float sx = ContextSize / context.Width, sy = ContextSize / context.Height;
        int Clamp(float v) => Math.Clamp((int)MathF.Round(v), 0, ContextSize);
        return (Clamp((face.X - context.X) * sx), Clamp((face.Y - context.Y) * sy), Clamp((face.Right - context.X) * sx), Clamp((face.Bottom - context.Y) * sy));
    }

    /// <summary>Laplacian energy relative to the grey-level variance, log: recaptured faces lose fine detail or gain pixel grain.</summary>
    private static double Detail(float[] grey, int size)
    {
        var (lap, n) = LaplacianEnergy(grey, size, 1, 1, size - 1, size - 1, inside: true);
        double mean = grey.Average(), variance = grey.Sum(g => (g - mean) * (g - mean)) / grey.Length;
        return Math.Log((lap / Math.Max(1, n) + 1) / (variance + 1));
    }

    /// <summary>Face detail against surround detail, log: a picture held up to the camera is one plane, a live head is not.</summary>
    private static double SharpnessRatio(float[] grey, int size, (int X0, int Y0, int X1, int Y1) face)
    {
        var (inFace, nIn) = LaplacianEnergy(grey, size, face.X0, face.Y0, face.X1, face.Y1, inside: true);
        var (outside, nOut) = LaplacianEnergy(grey, size, face.X0, face.Y0, face.X1, face.Y1, inside: false);
        if (nIn == 0 || nOut == 0) return 0;
        return Math.Log((inFace / nIn + 1) / (outside / nOut + 1));
    }

    private static (double Energy, int Count) LaplacianEnergy(float[] g, int size, int x0, int y0, int x1, int y1, bool inside)
    {
        double energy = 0;
        var count = 0;
        for (var y = 1; y < size - 1; y++)
        {
            for (var x = 1; x < size - 1; x++)
            {
                var within = x >= x0 && x < x1 && y >= y0 && y < y1;
                if (within != inside) continue;
                var i = y * size + x;
                var lap = g[i - size] + g[i + size] + g[i - 1] + g[i + 1] - 4 * g[i];
                energy += lap * lap;
                count++;
            }
        }
        return (energy, count);
    }

    /// <summary>
    /// The strongest straight line outside the face: a column (row) whose mean horizontal (vertical) gradient
    /// stands out from the average, as a phone bezel or a paper edge does; log of that ratio.
    /// </summary>
    private static double EdgeLines(float[] g, int size, (int X0, int Y0, int X1, int Y1) face)
    {
        var columns = new double[size];
        var rows = new double[size];
        double total = 0;
        for (var y = 1; y < size - 1; y++)
        {
            for (var x = 1; x < size - 1; x++)
            {
                var i = y * size + x;
                var dx = Math.Abs(g[i + 1] - g[i - 1]);
                var dy = Math.Abs(g[i + size] - g[i - size]);
                columns[x] += dx;
                rows[y] += dy;
                total += dx + dy;
            }
        }
        var mean = total / (2.0 * (size - 2) * (size - 2)) + 1;
        double best = 0;
        for (var k = 2; k < size - 2; k++)
        {
            if (k < face.X0 - 1 || k > face.X1) best = Math.Max(best, columns[k] / (size - 2));
            if (k < face.Y0 - 1 || k > face.Y1) best = Math.Max(best, rows[k] / (size - 2));
        }
        return Math.Log((best + 1) / mean);
    }
}
