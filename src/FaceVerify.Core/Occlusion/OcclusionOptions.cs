namespace FaceVerify.Core.Occlusion;

/// <summary><c>FaceVerify:Occlusion</c>: which trained weights the scorer loads (an id in models/manifest.json's trained array).</summary>
public sealed record OcclusionOptions
{
    public string WeightsId { get; init; } = "occlusion";
}
