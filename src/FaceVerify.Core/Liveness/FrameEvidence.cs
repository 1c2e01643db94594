using FaceVerify.Core.Analysis;

namespace FaceVerify.Core.Liveness;

/// <summary>What extra frames said about liveness, and how far it moved the fused score (log-odds, bounded).</summary>
/// <param name="Frames">Frames with the snapshot's face (same person) that were compared with it.</param>
/// <param name="BlinkSwing">Largest change of the mean eye-open probability across snapshot and frames, 0..1.</param>
/// <param name="NonRigidMotion">Largest landmark residual after the best flat-picture (homography) fit, per inter-ocular distance.</param>
/// <param name="LogitShift">The bounded amount added to the score's log-odds.</param>
public sealed record FrameEvidence(int Frames, double BlinkSwing, double NonRigidMotion, double LogitShift);

/// <summary>Moves a snapshot's liveness score by what extra frames of the same session show; never decides alone.</summary>
public interface IFrameLivenessEvidence
{
    /// <summary>The snapshot's reading with the evidence of <paramref name="frames"/> applied; unchanged without usable frames.</summary>
    LivenessReading? Apply(FaceReading snapshot, IReadOnlyList<FaceReading> frames);
}

/// <summary>
/// Thresholds of the multi-frame evidence (<c>FaceVerify:Liveness:Frames</c>); shifts are in log-odds. Measured
/// here: one photo against its own rotated (3–8°), scaled (0.9–1.1) and shifted copies leaves a residual of
/// 0.007–0.021 (landmark noise); frames of a live webcam session (the phone-replay set's live crops) 0.08–0.24.
/// </summary>
public sealed record FrameEvidenceOptions
{
    /// <summary>An eye-open swing at least this large between frames is a blink.</summary>
    public double BlinkSwing { get; init; } = 0.5;
    public double BlinkShift { get; init; } = 0.75;
    /// <summary>Landmark residual (per inter-ocular distance) above which the face moved in a way no flat picture can.</summary>
    public double NonRigidLevel { get; init; } = 0.05;
    public double NonRigidShift { get; init; } = 0.75;
    /// <summary>Residual below which the frames are a rigid copy of each other (a held-up picture, or the same image again).</summary>
    public double RigidLevel { get; init; } = 0.025;
    public double RigidShift { get; init; } = 1.0;
    /// <summary>Frames whose face is less similar than this to the snapshot's (cosine of embeddings) are ignored.</summary>
    public double MinSameFaceSimilarity { get; init; } = 0.3;
    /// <summary>Bound on the total shift either way, so frames can tip a borderline score but never decide alone.</summary>
    public double MaxShift { get; init; } = 1.25;
}
