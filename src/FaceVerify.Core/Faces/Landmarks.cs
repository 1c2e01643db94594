namespace FaceVerify.Core.Faces;

/// <summary>Points derived from the 68 iBUG landmarks (0-based indices).</summary>
public static class Landmarks
{
    /// <summary>Eye centres (image-left eye first), nose tip, mouth corners: the order of the 112×112 template.</summary>
    public static Point2[] ToFive(IReadOnlyList<Point2> p) =>
    [
        Mean(p[37], p[38], p[40], p[41]),
        Mean(p[43], p[44], p[46], p[47]),
        p[30],
        Mean(p[48], p[60]),
        Mean(p[54], p[64]),
    ];

    /// <summary>Centre and width of one eye: image-left eye uses points 36–41, the other 42–47.</summary>
    public static (Point2 Centre, float Width) Eye(IReadOnlyList<Point2> p, bool imageLeft)
    {
        var o = imageLeft ? 36 : 42;
        var centre = Mean(p[o + 1], p[o + 2], p[o + 4], p[o + 5]);
        var width = MathF.Sqrt(Sq(p[o + 3].X - p[o].X) + Sq(p[o + 3].Y - p[o].Y));
        return (centre, width);
    }

    private static float Sq(float v) => v * v;

    private static Point2 Mean(params Point2[] points) =>
        new(points.Average(q => q.X), points.Average(q => q.Y));
}
