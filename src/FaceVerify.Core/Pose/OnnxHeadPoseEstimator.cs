using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;

namespace FaceVerify.Core.Pose;

/// <summary>
/// fr_pose.onnx (Hopenet style): the squared face box grown by a quarter on each side and clamped to the
/// image, 224×224 RGB (measured: yaw error 8° vs 10° with BGR), ImageNet mean/std; each angle is the
/// softmax expectation over 66 bins × 3 − 99 degrees.
/// </summary>
public sealed class OnnxHeadPoseEstimator(OnnxModelLoader loader) : IHeadPoseEstimator, IDisposable
{
    private const int Size = 224;
    private static readonly TensorLayout Layout = new(ChannelOrder.Rgb,
        [0.485f * 255, 0.456f * 255, 0.406f * 255], [1 / (0.229f * 255), 1 / (0.224f * 255), 1 / (0.225f * 255)]);
    private readonly OnnxModel _model = loader.Load("pose");

    public HeadPose Estimate(RgbImage image, FaceBox face)
    {
        var crop = CropFor(image, face);
        var outputs = _model.Run(PixelSampler.ToTensor(image, Affine.ForCrop(crop.X, crop.Y, crop.Width, crop.Height, Size, Size), Size, Size, Layout));
        return new HeadPose(Angle(outputs[0]), Angle(outputs[1]), Angle(outputs[2]));
    }

    private static FaceBox CropFor(RgbImage image, FaceBox face)
    {
        var box = face.Square(face.Height);
        float x1 = Math.Max(0, box.X - box.Width / 4), y1 = Math.Max(0, box.Y - box.Height / 4);
        float x2 = Math.Min(image.Width, box.Right + box.Width / 4), y2 = Math.Min(image.Height, box.Bottom + box.Height / 4);
        return FaceBox.FromCorners(x1, y1, Math.Max(x1 + 1, x2), Math.Max(y1 + 1, y2));
    }

    private static double Angle(float[] bins)
    {
        var p = Softmax.Of(bins);
        double expectation = 0;
        for (var i = 0; i < p.Length; i++) expectation += p[i] * i;
        return expectation * 3 - 99;
    }

    public void Dispose() => _model.Dispose();
}
