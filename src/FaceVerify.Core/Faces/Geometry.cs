namespace FaceVerify.Core.Faces;

/// <summary>A point in image pixels.</summary>
public readonly record struct Point2(float X, float Y);

/// <summary>An axis-aligned box in image pixels (may extend past the image edges).</summary>
public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;
    public float Bottom => Y + Height;
    public float CenterX => X + Width / 2;
    public float CenterY => Y + Height / 2;
    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public static FaceBox FromCorners(float x1, float y1, float x2, float y2) => new(x1, y1, x2 - x1, y2 - y1);

    /// <summary>A square of the given side around this box's centre.</summary>
    public FaceBox Square(float side) => new(CenterX - side / 2, CenterY - side / 2, side, side);

    public float IntersectionOverUnion(FaceBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        if (w <= 0 || h <= 0) return 0;
        var inter = w * h;
        return inter / (Area + other.Area - inter);
    }
}

/// <summary>One face the detector found: its box and confidence.</summary>
public sealed record DetectedFace(FaceBox Box, float Score);
