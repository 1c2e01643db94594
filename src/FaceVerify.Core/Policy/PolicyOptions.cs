namespace FaceVerify.Core.Policy;

/// <summary>A named, versioned decision policy (<c>FaceVerify:Policies:{name}</c>).</summary>
public sealed record PolicyOptions
{
    public string Name { get; init; } = "default";
    public int Version { get; init; } = 1;
    /// <summary>Cosine similarity at or above which two faces are the same person.</summary>
    public double MatchThreshold { get; init; } = 0.334;
    /// <summary>Liveness score at or above which the snapshot is a live person.</summary>
    public double LivenessThreshold { get; init; } = 0.5;
    public FaceRuleOptions IdPhoto { get; init; } = new();
    public FaceRuleOptions Snapshot { get; init; } = new();
    public IdPhotoFileOptions IdPhotoFile { get; init; } = new();
    public SnapshotFrameOptions SnapshotFrame { get; init; } = new();
    /// <summary>The active-liveness challenge: allowed steps and their thresholds.</summary>
    public Challenge.ChallengePolicy Challenge { get; init; } = new();
    /// <summary>Reason codes reported as warnings instead of blocking under this policy.</summary>
    public List<string> WarnOnly { get; init; } = [];

    public string Label => $"{Name}@{Version}";

    /// <summary>The one place a liveness score becomes "live": the snapshot rule and <c>inspect</c> ask here.</summary>
    public bool IsLive(double livenessScore) => livenessScore >= LivenessThreshold;
}
