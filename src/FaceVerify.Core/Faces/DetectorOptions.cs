namespace FaceVerify.Core.Faces;

/// <summary>Detector post-processing (<c>FaceVerify:Detector</c>).</summary>
public sealed record DetectorOptions
{
    /// <summary>Minimum face score; the reference code uses 0.65.</summary>
    public float ScoreThreshold { get; init; } = 0.65f;
    /// <summary>IoU above which the less confident of two boxes is dropped.</summary>
    public float NmsIou { get; init; } = 0.4f;
}
