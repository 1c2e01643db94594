using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Occlusion;

/// <summary>
/// The face as the occlusion heads read it: the 112×112 crop aligned on key points that hold under a mask, and
/// its encoding. <paramref name="OnKeypoints"/> is false where the identity crop stands in: the key-point model
/// found no face in the box, or its points agree with the 68-point model's (<see cref="OcclusionViewReader"/>).
/// </summary>
public sealed record OcclusionView(RgbImage Aligned, FaceEncoding Encoding, bool OnKeypoints)
{
    /// <summary><see cref="OcclusionViewReader.Disagreement"/> of the two models' points; NaN without key points.</summary>
    public double Disagreement { get; init; } = double.NaN;
}

/// <summary>
/// Aligns a face for the occlusion heads. The identity crop follows fr_landmark.onnx's five points, which drift on
/// a masked face (zoomed on the eyes, shifted, half black fill); heads trained on that crop learn "a face this
/// pipeline cannot align" along with the mask and flag misaligned bare faces. A crop on BlazeFace's points lifted
/// the cross-validated mask F1 from 0.926 to 0.954 (models/attributes/README.md). Where the two models' points
/// agree, the second crop would be nearly the identity crop, and its embedding — the heaviest model — would be run
/// for nothing: the identity crop and encoding are read instead (<see cref="OcclusionOptions.SecondCropAbove"/>).
/// The training pass reads faces through this same class, so the heads see the features the service computes.
/// </summary>
public sealed class OcclusionViewReader(IFaceKeypointDetector keypoints, IFaceEmbedder embedder, IOptions<OcclusionOptions> options)
{
    private readonly double _gate = options.Value.SecondCropAbove;

    public OcclusionView Read(RgbImage image, FaceBox box, IReadOnlyList<Point2> landmarks68, RgbImage identityCrop, FaceEncoding identityEncoding)
    {
        if (keypoints.Detect(image, box) is not { } points) return new OcclusionView(identityCrop, identityEncoding, OnKeypoints: false);
        var disagreement = Disagreement(points, Landmarks.ToFive(landmarks68));
        if (_gate > 0 && disagreement <= _gate) return new OcclusionView(identityCrop, identityEncoding, OnKeypoints: false) { Disagreement = disagreement };
        var crop = SimilarityAligner.Align(image, points.AlignmentPoints());
        return new OcclusionView(crop, embedder.Encode(crop), OnKeypoints: true) { Disagreement = disagreement };
    }

    /// <summary>
    /// The largest distance between the key-point model's eyes, nose tip and mouth centre and the 68-point model's
    /// five (mouth centre = between its corners), in the 68-point model's eye distances.
    /// </summary>
    public static double Disagreement(FaceKeypoints points, IReadOnlyList<Point2> five)
    {
        var mouth = new Point2((five[3].X + five[4].X) / 2, (five[3].Y + five[4].Y) / 2);
        var eyeDistance = Math.Max(1e-3, OcclusionFeatures.Dist(five[0], five[1]));
        var worst = Math.Max(Math.Max(OcclusionFeatures.Dist(points.LeftEye, five[0]), OcclusionFeatures.Dist(points.RightEye, five[1])),
            Math.Max(OcclusionFeatures.Dist(points.NoseTip, five[2]), OcclusionFeatures.Dist(points.MouthCentre, mouth)));
        return worst / eyeDistance;
    }
}
