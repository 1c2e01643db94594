using FaceVerify.Core.Faces;
using FaceVerify.Core.Liveness;

namespace FaceVerify.Core.Challenge;

/// <summary>Which of the 68 landmarks the flat-motion fit uses (<c>calibrate-challenge</c> measures each set).</summary>
public enum LandmarkSet
{
    All68,
    /// <summary>Without the jaw contour (0–16), which the landmark model places least reliably on a turned face.</summary>
    WithoutJaw,
    /// <summary>Without the jaw, the eyelids and the inner lips: only points a blink or a word does not move.</summary>
    Rigid,
}

/// <summary>
/// How far the landmark motion from frame 0 to each later frame departs from one plane's projective motion: a
/// print or a screen moved by hand moves as a plane (a homography explains it to within landmark noise); a head
/// turning shows its depth (the nose moves against the cheeks and the eyes).
/// </summary>
public static class FlatMotion
{
    private static readonly int[] WithoutJaw = Enumerable.Range(17, 51).ToArray();
    private static readonly int[] Rigid = WithoutJaw.Except([37, 38, 40, 41, 43, 44, 46, 47]).Where(i => i < 60).ToArray();

    public static IReadOnlyList<int>? Points(LandmarkSet set) => set switch
    {
        LandmarkSet.WithoutJaw => WithoutJaw,
        LandmarkSet.Rigid => Rigid,
        _ => null,
    };

    /// <summary>The residual of each later frame against frame 0 (null where either frame has no face).</summary>
    public static IReadOnlyList<double?> Residuals(IReadOnlyList<IReadOnlyList<Point2>?> landmarks, LandmarkSet set)
    {
        var points = Points(set);
        var first = landmarks.Count > 0 ? landmarks[0] : null;
        return landmarks.Skip(1).Select(l => first is null || l is null ? (double?)null : PlanarFit.Residual(first, l, points)).ToList();
    }
}
