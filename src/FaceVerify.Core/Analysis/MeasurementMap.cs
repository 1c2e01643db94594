namespace FaceVerify.Core.Analysis;

/// <summary>Flattens a reading into stable camelCase measurement names for JSON and records.</summary>
public static class MeasurementMap
{
    public static Dictionary<string, double> From(ImageReading reading, string prefix = "")
    {
        var m = new Dictionary<string, double>
        {
            [prefix + "width"] = reading.Image.Width,
            [prefix + "height"] = reading.Image.Height,
            [prefix + "fileBytes"] = reading.Image.ByteLength,
            [prefix + "faceCount"] = reading.Detections.Count,
            [prefix + "colourfulness"] = R(reading.Colourfulness),
        };
        if (reading.Background is { } bg) m[prefix + "backgroundWhite"] = R(bg.WhiteFraction);
        if (reading.Primary is not { } f) return m;
        m[prefix + "detectionScore"] = R(f.Detection.Score);
        m[prefix + "faceWidthRatio"] = R(f.Box.Width / reading.Image.Width);
        m[prefix + "faceCentreOffset"] = R(Math.Abs(f.Box.CenterX - reading.Image.Width / 2.0) / reading.Image.Width);
        m[prefix + "yaw"] = R(f.Pose.Yaw);
        m[prefix + "pitch"] = R(f.Pose.Pitch);
        m[prefix + "roll"] = R(f.Pose.Roll);
        m[prefix + "eyesOpen"] = R(f.Eyes.MeanOpen);
        m[prefix + "sharpness"] = R(f.Quality.Sharpness);
        m[prefix + "brightness"] = R(f.Quality.Brightness);
        m[prefix + "highlight"] = R(f.Quality.Highlight);
        m[prefix + "contrast"] = R(f.Quality.Contrast);
        m[prefix + "lightingAsymmetry"] = R(f.Quality.LightingAsymmetry);
        m[prefix + "clippedFraction"] = R(f.Quality.ClippedFraction);
        if (f.Liveness is { } l)
        {
            m[prefix + "liveness"] = R(l.Score);
            if (l.ModelScore is { } model) m[prefix + "livenessModel"] = R(model);
            if (l.Frames is { } frames) m[prefix + "livenessFrameShift"] = R(frames.LogitShift);
        }
        if (f.Occlusion is { } o)
        {
            m[prefix + "mask"] = R(o.Mask);
            m[prefix + "sunglasses"] = R(o.Sunglasses);
            m[prefix + "hairOverEyes"] = R(o.HairOverEyes);
        }
        return m;
    }

    private static double R(double v) => Math.Round(v, 4);
}
