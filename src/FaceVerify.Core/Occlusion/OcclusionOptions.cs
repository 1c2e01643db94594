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
}
