using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;

namespace FaceVerify.Core.Liveness;

/// <summary>What fr_liveness.onnx read on one crop: its live probability and its last hidden layer (128 values).</summary>
public sealed record PassiveReading(double Score, float[] Hidden, FaceBox Crop);

/// <summary>
/// fr_liveness.onnx read as a feature extractor: the same 128×128 BGR input as <see cref="PassiveLivenessScorer"/>,
/// with tensor "581" (the batch-normalised 128-d layer before the 3-way classifier) as an extra output, so one
/// run gives both the model's answer and features that a head of our own can re-weight for cameras and screens
/// the model never saw.
/// </summary>
public sealed class PassiveLivenessNetwork : IDisposable
{
    public const string HiddenTensor = "581";
    public const int HiddenSize = 128;
    private const int Size = 128;
    private static readonly TensorLayout Layout = TensorLayout.Uniform(ChannelOrder.Bgr, 0f, 1f);
    private readonly OnnxModel _model;
    private readonly int _hiddenIndex;
    private readonly int _outputIndex;

    public PassiveLivenessNetwork(OnnxModelLoader loader)
    {
        _model = loader.Load("liveness", [HiddenTensor]);
        _hiddenIndex = _model.OutputIndex(HiddenTensor);
        _outputIndex = _model.OutputIndex("output");
    }

    /// <summary>Reads the crop of <paramref name="scale"/>× the face that stays inside the image (<see cref="LivenessCrop.Inside"/>).</summary>
    public PassiveReading Read(RgbImage image, FaceBox face, float scale)
    {
        var crop = LivenessCrop.Inside(image, face, scale);
        var outputs = _model.Run(PixelSampler.ToTensor(image, Affine.ForCrop(crop.X, crop.Y, crop.Width, crop.Height, Size, Size), Size, Size, Layout));
        return new PassiveReading(Softmax.Of(outputs[_outputIndex])[0], outputs[_hiddenIndex], crop);
    }

    public void Dispose() => _model.Dispose();
}
