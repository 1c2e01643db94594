using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Faces;

/// <summary>
/// fr_feature.onnx (MobileFaceNet): 512-d embedding of an aligned face, (x − 127) / 128. Its last 512×7×7 map
/// (tensor "507", the PReLU before the global depthwise convolution) is read in the same run for the regional features.
/// </summary>
public sealed class OnnxFaceEmbedder : IFaceEmbedder, IDisposable
{
    private const string EmbeddingOutput = "output";
    private const string FeatureMapTensor = "507";
    private const int FeatureMapChannels = 512;

    private readonly OnnxModel _model;
    private readonly TensorLayout _layout;
    private readonly int _embeddingIndex;
    private readonly int _mapIndex;

    public OnnxFaceEmbedder(OnnxModelLoader loader, IOptions<EmbeddingOptions> options)
    {
        _model = loader.Load("embedding", [FeatureMapTensor]);
        _layout = TensorLayout.Uniform(options.Value.ChannelOrder, 127f, 1 / 128f);
        _embeddingIndex = _model.OutputIndex(EmbeddingOutput);
        _mapIndex = _model.OutputIndex(FeatureMapTensor);
    }

    public FaceEncoding Encode(RgbImage alignedFace)
    {
        var outputs = _model.Run(PixelSampler.ToTensor(alignedFace, _layout));
        return new FaceEncoding(
            Similarity.Normalise(outputs[_embeddingIndex]),
            FeatureMapRegions.Pool(outputs[_mapIndex], FeatureMapChannels));
    }

    public void Dispose() => _model.Dispose();
}
