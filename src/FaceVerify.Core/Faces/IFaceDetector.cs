using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Faces;

/// <summary>Finds every face in an image.</summary>
public interface IFaceDetector
{
    /// <summary>Faces, most confident first, after non-maximum suppression. Boxes may extend past the edges.</summary>
    IReadOnlyList<DetectedFace> Detect(RgbImage image);
}
