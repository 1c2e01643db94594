namespace FaceVerify.Core.Policy;

/// <summary>Rules for the snapshot frame as a whole.</summary>
public sealed record SnapshotFrameOptions
{
    /// <summary>Shorter side of the snapshot in pixels.</summary>
    public int MinShortSide { get; init; } = 240;
    /// <summary>Another face at least this fraction of the candidate's face width counts as another person.</summary>
    public double OtherPersonMinRelativeSize { get; init; } = 0.25;
    /// <summary>How far (fraction of the face box) the face may run past the frame edge before it is cut off.</summary>
    public double CutOffTolerance { get; init; } = 0.08;
}
