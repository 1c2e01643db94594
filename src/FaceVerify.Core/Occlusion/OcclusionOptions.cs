namespace FaceVerify.Core.Occlusion;

/// <summary><c>FaceVerify:Occlusion</c>: which trained weights the scorer loads (an id in models/manifest.json's trained array).</summary>
public sealed record OcclusionOptions
{
    public string WeightsId { get; init; } = "occlusion";

    /// <summary>
    /// The occlusion heads get a crop and an embedding of their own only where BlazeFace's key points and the
    /// 68-point model's differ by more than this many eye distances (<see cref="OcclusionViewReader"/>); elsewhere
    /// they read the identity crop's. 0 = always a second crop (occlusion v3 as trained). 0.20: chosen on the
    /// training faces' cross-validated figures with the v3 weights (`train-attributes --gate-study`): a bare face
    /// agrees within it three times in four, a masked face one time in four; the figures hold (docs/measurements.md).
    /// </summary>
    public double SecondCropAbove { get; init; } = 0.20;

    /// <summary>
    /// The heads first read the identity crop; where every head's probability is below this level the face is taken as
    /// bare and the key-point model (and the second crop) is skipped (<see cref="LogisticOcclusionScorer"/>).
    /// 0 = always run the key-point model. 0.30: chosen on the training faces' out-of-fold scores with the v3 weights
    /// (`train-attributes --cascade-study`): below 0.353 not one occluded face the gated pipeline flags is lost, and
    /// at 0.30 no decision changes while 799 of 863 bare faces skip the key points (docs/measurements.md).
    /// </summary>
    public double SkipKeypointsBelow { get; init; } = 0.30;
}
