using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;

namespace FaceVerify.Core.Faces;

/// <summary>
/// fr_landmark.onnx: 68 points from a 64×64 grey crop. The crop is a square of side √(w·h) around the
/// box, widened 5% on each side and 10% at the bottom (the chin), with sub-pixel coordinates; this beat
/// the reference's exact-box crop on LFW.
/// </summary>
public sealed class OnnxLandmarkDetector(OnnxModelLoader loader) : ILandmarkDetector, IDisposable
{
    private const int Size = 64;
    private static readonly TensorLayout Layout = TensorLayout.Uniform(ChannelOrder.Grey, 0f, 1 / 256f);
    private readonly OnnxModel _model = loader.Load("landmarks");

    public Point2[] Detect(RgbImage image, FaceBox box)
    {
        var side = MathF.Sqrt(box.Width * box.Height);
        var x = box.CenterX - side / 2 - 0.05f * side;
        var y = box.CenterY - side / 2 - 0.05f * side;
        var w = side * 1.10f;
        var h = side * 1.15f;
        var output = _model.Run(PixelSampler.ToTensor(image, Affine.ForCrop(x, y, w, h, Size, Size), Size, Size, Layout))[0];
        var points = new Point2[68];
        for (var i = 0; i < 68; i++) points[i] = new Point2(x + output[2 * i] * w, y + output[2 * i + 1] * h);
        return points;
    }

    public void Dispose() => _model.Dispose();
}
