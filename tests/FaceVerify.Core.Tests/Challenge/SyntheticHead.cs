using FaceVerify.Core.Faces;

namespace FaceVerify.Core.Tests.Challenge;

/// <summary>
/// The 68 iBUG landmarks of a schematic head in millimetres (x to the image right, y down, z towards the camera), seen
/// by a pinhole camera: turning it shows depth (the nose tip moves against the eyes and the jaw); the same points
/// flattened onto one plane and turned move exactly as a homography.
/// </summary>
internal static class SyntheticHead
{
    private static readonly (double X, double Y, double Z)[] Points = Build();

    private static (double, double, double)[] Build()
    {
        var p = new List<(double, double, double)>();
        for (var i = 0; i < 17; i++)  // jaw, ear to ear through the chin
        {
            var a = Math.PI * i / 16;
            p.Add((-70 * Math.Cos(a), -10 + 120 * Math.Sin(a), -60 + 50 * Math.Sin(a)));
        }
        for (var i = 0; i < 10; i++) p.Add((i < 5 ? -60 + 11 * i : 16 + 11 * (i - 5), -48 + 3 * Math.Abs(2 - i % 5), 2));  // brows
        for (var i = 0; i < 4; i++) p.Add((0, -30 + 15 * i, 8 + 9 * i));                                                    // nose ridge to tip
        for (var i = 0; i < 5; i++) p.Add((-16 + 8 * i, 30, 18 - 3 * Math.Abs(i - 2)));                                     // nostrils
        foreach (var cx in new[] { -35.0, 35.0 })                                                                            // eyes
            for (var i = 0; i < 6; i++)
            {
                var a = Math.PI * i / 3;
                p.Add((cx - 13 * Math.Cos(a), -25 - 5 * Math.Sin(a), -8));
            }
        for (var i = 0; i < 12; i++) { var a = 2 * Math.PI * i / 12; p.Add((-25 * Math.Cos(a), 62 - 10 * Math.Sin(a), 8 - 4 * Math.Abs(Math.Cos(a)))); }
        for (var i = 0; i < 8; i++) { var a = 2 * Math.PI * i / 8; p.Add((-18 * Math.Cos(a), 62 - 4 * Math.Sin(a), 6)); }
        return p.ToArray();
    }

    /// <summary>
    /// The head turned so that the landmark reading (<see cref="FaceVerify.Core.Challenge.LandmarkTurn"/>) at
    /// <paramref name="degreesPerRatio"/> reads <paramref name="landmarkYaw"/>: the landmarks of a live head whose pose
    /// reading and landmark reading agree. Found by bisection over the turn angle.
    /// </summary>
    public static Point2[] Reading(double landmarkYaw, double degreesPerRatio)
    {
        // A positive angle here turns the nose towards the image right: the subject's own left, a negative reading.
        double low = -80, high = 80;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            if (FaceVerify.Core.Challenge.LandmarkTurn.Yaw(Project(mid), degreesPerRatio) > landmarkYaw) low = mid; else high = mid;
        }
        return Project((low + high) / 2);
    }

    /// <summary>
    /// The head turned by <paramref name="yawDegrees"/> about its vertical axis, 600 mm from a camera of focal 800 px.
    /// A positive angle moves the nose towards the image right (the subject's own left).
    /// </summary>
    /// <param name="flat">True: every point pressed onto the plane z = 0 first (a photograph of the head).</param>
    public static Point2[] Project(double yawDegrees, bool flat = false, double pitchDegrees = 0)
    {
        double a = yawDegrees * Math.PI / 180, b = pitchDegrees * Math.PI / 180;
        return Points.Select(q =>
        {
            var (x, y, z) = (q.X, q.Y, flat ? 0 : q.Z);
            (x, z) = (x * Math.Cos(a) + z * Math.Sin(a), -x * Math.Sin(a) + z * Math.Cos(a));
            (y, z) = (y * Math.Cos(b) - z * Math.Sin(b), y * Math.Sin(b) + z * Math.Cos(b));
            var depth = 600 - z;
            return new Point2((float)(320 + 800 * x / depth), (float)(240 + 800 * y / depth));
        }).ToArray();
    }
}
