using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Liveness;

/// <summary>
/// A live face blinks and deforms (the nose moves against the cheeks when the head turns, the jaw and
/// mouth move); a print or a still image on a screen only moves as one plane, which a homography
/// explains to within landmark noise. Blink or non-rigid motion raises the score, a rigid copy lowers it;
/// a video replay shows a live face and is left to the passive cues.
/// </summary>
public sealed class LandmarkMotionEvidence(IOptions<FrameEvidenceOptions> options) : IFrameLivenessEvidence
{
    public LivenessReading? Apply(FaceReading snapshot, IReadOnlyList<FaceReading> frames)
    {
        if (snapshot.Liveness is not { } reading || frames.Count == 0) return snapshot.Liveness;
        var o = options.Value;
        // Someone else's live face in the extra frames must not vouch for the snapshot.
        frames = frames.Where(f => Similarity.Cosine(f.Embedding, snapshot.Embedding) >= o.MinSameFaceSimilarity).ToList();
        if (frames.Count == 0) return reading with { Frames = new FrameEvidence(0, 0, 0, 0) };
        var eyes = frames.Select(f => f.Eyes.MeanOpen).Append(snapshot.Eyes.MeanOpen).ToList();
        var blink = eyes.Max() - eyes.Min();
        var nonRigid = frames.Max(f => PlanarFit.Residual(snapshot.Landmarks68, f.Landmarks68));

        var shift = 0.0;
        if (blink >= o.BlinkSwing) shift += o.BlinkShift;
        if (nonRigid >= o.NonRigidLevel) shift += o.NonRigidShift;
        else if (nonRigid < o.RigidLevel && blink < o.BlinkSwing) shift -= o.RigidShift;
        shift = Math.Clamp(shift, -o.MaxShift, o.MaxShift);

        var score = LivenessFeatures.Sigmoid(LivenessFeatures.Logit(reading.Score) + shift);
        return reading with { Score = score, Frames = new FrameEvidence(frames.Count, Math.Round(blink, 4), Math.Round(nonRigid, 4), shift) };
    }
}

/// <summary>How well one plane's projective motion (a homography) explains the move of landmarks from one frame to another.</summary>
public static class PlanarFit
{
    /// <summary>RMS distance between the target landmarks and the source landmarks mapped by the best homography, per inter-ocular distance.</summary>
    /// <param name="points">Indices of the 68 landmarks to fit (null: all); the inter-ocular distance always comes from the full set.</param>
    public static double Residual(IReadOnlyList<Point2> from, IReadOnlyList<Point2> to, IReadOnlyList<int>? points = null)
    {
        var (a, sa) = Normalise(points is null ? from : points.Select(i => from[i]).ToList());
        var (b, sb) = Normalise(points is null ? to : points.Select(i => to[i]).ToList());
        var h = FitHomography(a, b);
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var (x, y) = a[i];
            var w = h[6] * x + h[7] * y + 1;
            var u = (h[0] * x + h[1] * y + h[2]) / w;
            var v = (h[3] * x + h[4] * y + h[5]) / w;
            sum += (u - b[i].X) * (u - b[i].X) + (v - b[i].Y) * (v - b[i].Y);
        }
        var rms = Math.Sqrt(sum / a.Length) / sb;
        var eyes = Landmarks.ToFive(to);
        var interOcular = Math.Sqrt(Math.Pow(eyes[1].X - eyes[0].X, 2) + Math.Pow(eyes[1].Y - eyes[0].Y, 2));
        return interOcular < 1e-6 ? 0 : rms / interOcular;
    }

    /// <summary>Points moved to their centroid and scaled to unit RMS radius, for a well-conditioned fit; returns the scale used.</summary>
    private static ((double X, double Y)[] Points, double Scale) Normalise(IReadOnlyList<Point2> p)
    {
        double cx = p.Average(q => q.X), cy = p.Average(q => q.Y);
        var radius = Math.Sqrt(p.Average(q => (q.X - cx) * (q.X - cx) + (q.Y - cy) * (q.Y - cy)));
        var s = radius < 1e-9 ? 1 : 1 / radius;
        return (p.Select(q => ((q.X - cx) * s, (q.Y - cy) * s)).ToArray(), s);
    }

    /// <summary>Least squares homography with h33 = 1: 8 unknowns from 2 equations per point, by the normal equations.</summary>
    private static double[] FitHomography((double X, double Y)[] a, (double X, double Y)[] b)
    {
        var m = new double[8, 9];
        void Add(ReadOnlySpan<double> row, double rhs)
        {
            for (var i = 0; i < 8; i++)
            {
                for (var j = 0; j < 8; j++) m[i, j] += row[i] * row[j];
                m[i, 8] += row[i] * rhs;
            }
        }
        for (var k = 0; k < a.Length; k++)
        {
            var (x, y) = a[k];
            var (u, v) = b[k];
            Add([x, y, 1, 0, 0, 0, -u * x, -u * y], u);
            Add([0, 0, 0, x, y, 1, -v * x, -v * y], v);
        }
        for (var i = 0; i < 8; i++) m[i, i] += 1e-9;  // keeps degenerate (collinear) input solvable
        return LinearAlgebra.Solve(m, 8);
    }
}
