using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Occlusion;

/// <summary>
/// The feature vector the occlusion heads read from <see cref="OcclusionView"/> (the crop aligned on mask-proof key
/// points, and its encoding): hand-made colour/texture statistics of face regions of that crop, a few landmark ratios, the 512-d embedding, then the embedding network's last feature map
/// averaged over the eye band and the lower face. The embedding is trained to ignore what covers a face; the
/// regional map still sees it locally (lenses, a mask's edge) and separates sunglasses from clear glasses far
/// better (cross-validated sunglasses F1 0.873 → 0.911 on the same labels). The region statistics say dark
/// lenses and non-skin lower faces directly, and they are cheap (one pass over 112×112 pixels).
/// </summary>
public static class OcclusionFeatures
{
    /// <summary>Names the layout; a weights file trained on another layout is refused.</summary>
    public const string Layout = "keypoint-aligned:regions11x9+relative12+coverage4+fill2+geometry8+embedding512+map512x2";

    // (x0, y0, x1, y1) in the 112×112 template: eyes at (38,52) and (74,52), nose tip (56,72), mouth corners (42,92)/(71,92).
    private static readonly (int X0, int Y0, int X1, int Y1)[] Regions =
    [
        (32, 8, 80, 30),   // 0 forehead
        (26, 32, 86, 42),  // 1 brows
        (27, 43, 50, 60),  // 2 image-left eye
        (62, 43, 85, 60),  // 3 image-right eye
        (50, 42, 62, 58),  // 4 bridge between the lenses
        (22, 62, 42, 80),  // 5 image-left cheek
        (70, 62, 90, 80),  // 6 image-right cheek
        (48, 60, 64, 80),  // 7 nose
        (36, 84, 76, 100), // 8 mouth
        (40, 100, 72, 112),// 9 chin
        (26, 78, 86, 112), // 10 whole lower face
    ];

    public const int HandCount = 11 * RegionStats.Count + 12 + 4 + 2 + 8;
    public const int EmbeddingCount = 512;


    public static double[] Compute(RgbImage aligned, FaceEncoding encoding, IReadOnlyList<Point2> landmarks68, FaceBox box)
    {
        if (aligned.Width != SimilarityAligner.Size || aligned.Height != SimilarityAligner.Size)
            throw new ArgumentException("the occlusion features need the 112×112 aligned crop", nameof(aligned));
        var features = new List<double>(HandCount + encoding.Embedding.Length + encoding.RegionFeatures.Length);
        var r = Regions.Select(q => CropRegionStatistics.Measure(aligned, q.X0, q.Y0, q.X1, q.Y1)).ToArray();
        foreach (var s in r) s.CopyTo(features);

        var eyes = Mean(r[2], r[3]);
        var cheeks = Mean(r[5], r[6]);
        var forehead = r[0];
        features.Add((eyes.Luma - cheeks.Luma) / 255);
        features.Add((eyes.Luma - forehead.Luma) / 255);
        features.Add((r[4].Luma - eyes.Luma) / 255);
        features.Add(eyes.ChromaDistance(cheeks));
        features.Add(eyes.SkinShare - cheeks.SkinShare);
        features.Add(r[10].ChromaDistance(forehead));
        features.Add(r[8].ChromaDistance(forehead));
        features.Add((r[10].Luma - forehead.Luma) / 255);
        features.Add(r[10].SkinShare - forehead.SkinShare);
        features.Add((r[10].Gradient - cheeks.Gradient) / 32);
        features.Add((r[1].Luma - cheeks.Luma) / 255);
        features.Add(ColourSpread(aligned));

        // Per-pixel coverage: the share of a region unlike the reference skin, robust where a mean is not
        // (a mask over half the lower face, lenses that are dark only in their middle).
        features.Add(CropRegionStatistics.ShareUnlike(aligned, Regions[2], cheeks, 0.55) / 2 + CropRegionStatistics.ShareUnlike(aligned, Regions[3], cheeks, 0.55) / 2);
        features.Add(CropRegionStatistics.ShareDarker(aligned, Regions[2], cheeks.Luma * 0.5) / 2 + CropRegionStatistics.ShareDarker(aligned, Regions[3], cheeks.Luma * 0.5) / 2);
        features.Add(CropRegionStatistics.ShareUnlike(aligned, Regions[10], forehead, 0.55));
        features.Add(CropRegionStatistics.ShareUnlike(aligned, Regions[8], forehead, 0.55));
        // A tight crop leaves part of the aligned face outside the picture, filled with pure black by the aligner:
        // without knowing that, a cut-off chin reads as a dark mask.
        features.Add(CropRegionStatistics.ShareFill(aligned, Regions[10]));
        features.Add(CropRegionStatistics.ShareFill(aligned, (0, 0, SimilarityAligner.Size, SimilarityAligner.Size)));

        Geometry(landmarks68, box, features);
        foreach (var v in encoding.Embedding) features.Add(v);
        foreach (var v in encoding.RegionFeatures) features.Add(v);
        return features.ToArray();
    }

    private static RegionStats Mean(RegionStats a, RegionStats b) => new(
        (a.Luma + b.Luma) / 2, (a.LumaSpread + b.LumaSpread) / 2, (a.Cb + b.Cb) / 2, (a.Cr + b.Cr) / 2, (a.Saturation + b.Saturation) / 2,
        (a.DarkShare + b.DarkShare) / 2, (a.BrightShare + b.BrightShare) / 2, (a.Gradient + b.Gradient) / 2, (a.SkinShare + b.SkinShare) / 2);

    /// <summary>How colourful the crop is (grey pictures make the chroma features meaningless; the heads should know).</summary>
    private static double ColourSpread(RgbImage aligned)
    {
        var px = aligned.Pixels;
        double spread = 0;
        for (var i = 0; i < px.Length; i += 3)
            spread += Math.Max(px[i], Math.Max(px[i + 1], px[i + 2])) - Math.Min(px[i], Math.Min(px[i + 1], px[i + 2]));
        return spread / (px.Length / 3) / 64;
    }

    /// <summary>Landmark ratios to the inter-ocular distance: the landmark model bends around masks and lenses.</summary>
    private static void Geometry(IReadOnlyList<Point2> p, FaceBox box, List<double> features)
    {
        var five = Landmarks.ToFive(p);
        var iod = Math.Max(1e-3, Dist(five[0], five[1]));
        features.Add(Openness(p, 36) / iod);
        features.Add(Openness(p, 42) / iod);
        features.Add(Dist(p[48], p[54]) / iod);
        features.Add(Dist(p[62], p[66]) / iod);
        features.Add(Dist(p[30], p[8]) / iod);
        features.Add(Dist(p[0], p[16]) / iod);
        features.Add(box.Width / iod / 3);
        features.Add(box.Height / iod / 3);
    }

    private static double Openness(IReadOnlyList<Point2> p, int o) => (Dist(p[o + 1], p[o + 5]) + Dist(p[o + 2], p[o + 4])) / 2;

    internal static double Dist(Point2 a, Point2 b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
