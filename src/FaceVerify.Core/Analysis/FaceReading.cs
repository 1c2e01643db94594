using FaceVerify.Core.Eyes;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using FaceVerify.Core.Occlusion;
using FaceVerify.Core.Pose;
using FaceVerify.Core.Quality;

namespace FaceVerify.Core.Analysis;

/// <summary>Everything measured on one face; numbers only, no decisions.</summary>
public sealed record FaceReading
{
    public required DetectedFace Detection { get; init; }
    public required Point2[] Landmarks68 { get; init; }
    public required Point2[] Landmarks5 { get; init; }
    /// <summary>The identity vector and the regional features of one embedding run (<see cref="FaceEncoding"/>). Personal data: never logged.</summary>
    public required FaceEncoding Encoding { get; init; }
    /// <summary>L2-normalised identity vector.</summary>
    public float[] Embedding => Encoding.Embedding;
    public required HeadPose Pose { get; init; }
    public required EyeState Eyes { get; init; }
    public required FaceQuality Quality { get; init; }
    public LivenessReading? Liveness { get; init; }
    public OcclusionReading? Occlusion { get; init; }
    /// <summary>The aligned 112×112 crop, kept in memory for attribute scorers and reports; never stored.</summary>
    public required RgbImage Aligned { get; init; }
    public FaceBox Box => Detection.Box;
}
