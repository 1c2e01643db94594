namespace FaceVerify.Core.Pose;

/// <summary>
/// Head pose in degrees: positive yaw = turned to the subject's own right in an unmirrored camera picture (nose towards
/// the image left, the left cheek shown; checked on MEDS profiles and the pose renders, docs/challenge.md), positive pitch = looking up.
/// </summary>
public sealed record HeadPose(double Yaw, double Pitch, double Roll);

/// <summary>Estimates the head pose of one face.</summary>
public interface IHeadPoseEstimator
{
    HeadPose Estimate(FaceVerify.Core.Imaging.RgbImage image, FaceVerify.Core.Faces.FaceBox face);
}
