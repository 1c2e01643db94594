using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Faces;

/// <summary>Places the 68 iBUG landmarks on a detected face.</summary>
public interface ILandmarkDetector
{
    Point2[] Detect(RgbImage image, FaceBox box);
}
