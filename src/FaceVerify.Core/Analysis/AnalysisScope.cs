namespace FaceVerify.Core.Analysis;

/// <summary>Which work an analysis does; each role pays only for what its rules read.</summary>
/// <param name="AllFaces">Analyse every face, not only the largest (inspection).</param>
/// <param name="Liveness">Score presentation attacks (snapshots; pointless on an ID photo).</param>
/// <param name="Background">Measure background whiteness (ID photos).</param>
/// <param name="Occlusion">Score masks, sunglasses and hair (a key-point run and a second embedding run per face).</param>
/// <param name="PoseCascade">
/// A head the landmarks read as clearly frontal takes their pose reading instead of the pose network's, when
/// <see cref="FaceVerify.Core.Pose.PoseOptions.SkipModelWhenFrontal"/> is on: snapshots and frames, computed at exam time.
/// ID photos keep the network: they are analysed once and cached, and their stricter limits flip more decisions.
/// </param>
public sealed record AnalysisScope(bool AllFaces, bool Liveness, bool Background, bool Occlusion = true, bool PoseCascade = false)
{
    public static readonly AnalysisScope IdPhoto = new(AllFaces: false, Liveness: false, Background: true);
    public static readonly AnalysisScope Snapshot = new(AllFaces: false, Liveness: true, Background: false, PoseCascade: true);
    /// <summary>An extra frame of a session: landmarks and eyes for multi-frame liveness evidence.</summary>
    public static readonly AnalysisScope Frame = new(AllFaces: false, Liveness: false, Background: false, Occlusion: false, PoseCascade: true);
    public static readonly AnalysisScope Everything = new(AllFaces: true, Liveness: true, Background: true);
}
