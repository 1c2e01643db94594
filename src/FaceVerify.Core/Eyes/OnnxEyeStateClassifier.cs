using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;

namespace FaceVerify.Core.Eyes;

/// <summary>
/// fr_eye.onnx: one eye per call, a square 1.6× the eye's corner-to-corner width, 24×24 grey, x/255.
/// Softmax index 0 is "closed" (the reference code reads it the other way round).
/// </summary>
public sealed class OnnxEyeStateClassifier(OnnxModelLoader loader) : IEyeStateClassifier, IDisposable
{
    private const int Size = 24;
    private const float Padding = 1.6f;
    private static readonly TensorLayout Layout = TensorLayout.Uniform(ChannelOrder.Grey, 0f, 1 / 255f);
    private readonly OnnxModel _model = loader.Load("eyes");

    public EyeState Classify(RgbImage image, IReadOnlyList<Point2> landmarks68) =>
        new(OpenProbability(image, Landmarks.Eye(landmarks68, imageLeft: true)),
            OpenProbability(image, Landmarks.Eye(landmarks68, imageLeft: false)));

    private double OpenProbability(RgbImage image, (Point2 Centre, float Width) eye)
    {
        var side = Math.Max(4f, eye.Width * Padding);
        var map = Affine.ForCrop(eye.Centre.X - side / 2, eye.Centre.Y - side / 2, side, side, Size, Size);
        return Softmax.Of(_model.Run(PixelSampler.ToTensor(image, map, Size, Size, Layout))[0])[1];
    }

    public void Dispose() => _model.Dispose();
}
