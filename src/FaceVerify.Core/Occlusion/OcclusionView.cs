using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Occlusion;

/// <summary>
/// The face as the occlusion heads read it: the 112×112 crop aligned on key points that hold under a mask, and
/// its encoding. <paramref name="OnKeypoints"/> is false where the key-point model found no face in the box and
/// the identity crop stands in.
/// </summary>
public sealed record OcclusionView(RgbImage Aligned, FaceEncoding Encoding, bool OnKeypoints);

/// <summary>
/// Aligns a face for the occlusion heads. The identity crop follows fr_landmark.onnx's five points, which drift on
/// a masked face (zoomed on the eyes, shifted, half black fill); heads trained on that crop learn "a face this
/// pipeline cannot align" along with the mask and flag misaligned bare faces. A crop on BlazeFace's points lifted
/// the cross-validated mask F1 from 0.926 to 0.954 (models/attributes/README.md); it costs a second embedding run.
/// </summary>
public sealed class OcclusionViewReader(IFaceKeypointDetector keypoints, IFaceEmbedder embedder)
{
    public OcclusionView Read(RgbImage image, FaceBox box, RgbImage identityCrop, FaceEncoding identityEncoding)
    {
        if (keypoints.Detect(image, box) is not { } points) return new OcclusionView(identityCrop, identityEncoding, OnKeypoints: false);
        var crop = SimilarityAligner.Align(image, points.AlignmentPoints());
        return new OcclusionView(crop, embedder.Encode(crop), OnKeypoints: true);
    }
}
