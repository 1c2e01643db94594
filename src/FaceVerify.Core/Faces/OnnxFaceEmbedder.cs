using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Faces;

/// <summary>fr_feature.onnx: 512-d embedding of an aligned face, (x − 127) / 128.</summary>
public sealed class OnnxFaceEmbedder(OnnxModelLoader loader, IOptions<EmbeddingOptions> options) : IFaceEmbedder, IDisposable
{
    private readonly OnnxModel _model = loader.Load("embedding");
    private readonly TensorLayout _layout = TensorLayout.Uniform(options.Value.ChannelOrder, 127f, 1 / 128f);

    public float[] Embed(RgbImage alignedFace)
    {
        var vector = _model.Run(PixelSampler.ToTensor(alignedFace, _layout))[0];
        return Similarity.Normalise(vector);
    }

    public void Dispose() => _model.Dispose();
}
