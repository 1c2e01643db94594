using FaceVerify.Core.Analysis;
using FaceVerify.Core.Eyes;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Pose;

namespace FaceVerify.Core.Challenge;

/// <summary>What the challenge reads of one frame's face: numbers the pipeline computes anyway.</summary>
public sealed record ChallengeFrame(HeadPose Pose, EyeState Eyes, IReadOnlyList<Point2> Landmarks68)
{
    public static ChallengeFrame From(FaceReading face) => new(face.Pose, face.Eyes, face.Landmarks68);
}
